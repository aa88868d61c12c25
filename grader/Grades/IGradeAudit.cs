namespace Course.Grader.Grades;

/// <summary>
/// The audit log of grade changes. Code that changes a grade outside the grade book's own commands
/// (regrades, rescoring) records each change here, so the history shown with a grade is complete.
/// </summary>
public interface IGradeAudit
{
    /// <summary>Records that <paramref name="login"/>'s grade on <paramref name="assignment"/> went from <paramref name="old"/> to <paramref name="new"/>.</summary>
    Task RecordAsync(string assignment, string login, double? old, double? @new, string kind, string by, string reason,
        CancellationToken cancellation);

    /// <summary>Changes oldest first, of one student and/or one assignment when named.</summary>
    Task<IReadOnlyList<GradeChange>> HistoryAsync(string? login, string? assignment, CancellationToken cancellation);
}
