namespace Course.Grader.Intake.Archives;

/// <summary>
/// Caps applied while an archive is extracted. Sizes count the bytes actually decompressed, never
/// what an entry's header claims, so a zip or tar bomb is stopped at the cap.
/// </summary>
internal sealed record ExtractionLimits
{
    /// <summary>Default caps for a homework submission: 10,000 files, 100 MB a file, 500 MB in all.</summary>
    public static ExtractionLimits Submission { get; } = new();

    /// <summary>Regular files kept at most (directories are not counted). Default 10,000.</summary>
    public int MaxFiles { get; init; } = 10_000;

    /// <summary>Bytes of one file. Default 100 MB.</summary>
    public long MaxFileBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Bytes of all files together. Default 500 MB.</summary>
    public long MaxTotalBytes { get; init; } = 500L * 1024 * 1024;

    /// <summary>Entries looked at, rejected ones included, so a flood of rejected entries also stops. Default 20,000.</summary>
    public int MaxEntries { get; init; } = 20_000;

    /// <summary>Longest relative path kept, in UTF-8 bytes. Default 1,024.</summary>
    public int MaxPathBytes { get; init; } = 1024;
}
