namespace Course.Assignments.Model;

/// <summary>E-mail notices to students besides the credit e-mails.</summary>
public sealed record NoticesSpec
{
    /// <summary>
    /// How long before a deadline a student whose team has not submitted is reminded, e.g. "48h"; absent means
    /// no reminders.
    /// </summary>
    public string? DeadlineReminder { get; init; }
}
