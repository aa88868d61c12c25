namespace Course.Sandbox.Running;

/// <summary>
/// What may come out of <c>/out</c>. Defaults: 1,000 files, 256 MiB per file (also the fsize
/// ulimit, so a single write beyond it fails inside the container), 1 GiB in total.
/// </summary>
public sealed record OutputLimits
{
    public int MaxFiles { get; init; } = 1000;

    public long MaxFileBytes { get; init; } = 256L << 20;

    public long MaxTotalBytes { get; init; } = 1L << 30;
}
