namespace Course.Credits.Issuing;

/// <summary>The outcome of an issuing run, one result per student asked for.</summary>
public sealed record IssueReport(IReadOnlyList<IssueResult> Results)
{
    public int Issued => Results.Count(r => r.Outcome == IssueOutcome.Issued);

    public int AlreadyIssued => Results.Count(r => r.Outcome == IssueOutcome.AlreadyIssued);

    public int NoneLeft => Results.Count(r => r.Outcome == IssueOutcome.NoneLeft);

    public int AllowanceUsed => Results.Count(r => r.Outcome == IssueOutcome.AllowanceUsed);
}
