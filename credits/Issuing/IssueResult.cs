namespace Course.Credits.Issuing;

/// <summary>The outcome for one student.</summary>
/// <param name="CodeId">The code's id (never the code) when one was issued or already held.</param>
/// <param name="Reason">The idempotency key, e.g. <c>policy:welcome:alice:1</c> or <c>prize:hw2:alice:1</c>.</param>
public sealed record IssueResult(string Login, IssueOutcome Outcome, string Provider, double Value, string? CodeId, string Reason)
{
    /// <summary>A sentence for people: the "none left" answer names what to import.</summary>
    public string Describe() => Outcome switch
    {
        IssueOutcome.Issued => $"{Login}: issued {Provider} {Value} code {CodeId} ({Reason})",
        IssueOutcome.AlreadyIssued => $"{Login}: already has {Provider} {Value} code {CodeId} ({Reason})",
        IssueOutcome.NoneLeft => $"{Login}: none left - no available {Provider} code of value {Value}; import more with 'grader credits import'",
        _ => $"{Login}: allowance used ({Reason})",
    };
}
