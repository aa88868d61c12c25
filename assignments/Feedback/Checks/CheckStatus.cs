namespace Course.Assignments.Feedback.Checks;

/// <summary>Outcome of one sanity check. Skipped means the log did not have what the check needs.</summary>
public enum CheckStatus
{
    Pass,
    Warn,
    Fail,
    Skipped,
}
