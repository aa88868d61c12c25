namespace Course.Grader.Submissions;

/// <summary>
/// Caps on a snapshot of a submitted tree (docs/SECURITY.md rule 5). Defaults: 10,000 files,
/// 100 MiB per file, 512 MiB in all, paths up to 1,024 bytes.
/// </summary>
public sealed record SnapshotLimits
{
    public int MaxFiles { get; init; } = 10_000;

    public long MaxFileBytes { get; init; } = 100L * 1024 * 1024;

    public long MaxTotalBytes { get; init; } = 512L * 1024 * 1024;

    public int MaxPathBytes { get; init; } = 1024;
}
