namespace Course.Grader.Submissions;

/// <summary>What intake did with one repository: recorded a new commit, knew it already, or skipped it (and why).</summary>
public sealed record FetchEntry(string Repository, string? Owner, string? Commit, FetchStatus Status, string? Message,
    DateTimeOffset? ReceivedAt, bool? OnTime);

public enum FetchStatus
{
    Recorded,
    Known,
    Skipped,
}
