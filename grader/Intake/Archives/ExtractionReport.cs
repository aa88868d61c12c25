namespace Course.Grader.Intake.Archives;

/// <summary>What an extraction kept and what it refused, with the reason for each refusal.</summary>
/// <param name="Files">Regular files written, relative to the destination, with '/' separators.</param>
/// <param name="Rejected">Entries not written: links, devices, unsafe or duplicate names.</param>
/// <param name="Aborted">Why extraction stopped early (a cap was reached or the archive is corrupt); null when complete.</param>
internal sealed record ExtractionReport(
    IReadOnlyList<ExtractedFile> Files,
    IReadOnlyList<RejectedEntry> Rejected,
    string? Aborted)
{
    /// <summary>True when the whole archive was read; rejected entries may still have been skipped.</summary>
    public bool Complete => Aborted is null;

    public long TotalBytes => Files.Sum(f => f.Bytes);
}

/// <summary>One file written by an extraction.</summary>
internal sealed record ExtractedFile(string Path, long Bytes);

/// <summary>One archive entry that was not written. <see cref="Path"/> is printable (control characters escaped).</summary>
internal sealed record RejectedEntry(string Path, string Reason);
