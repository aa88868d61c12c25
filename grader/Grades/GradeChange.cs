namespace Course.Grader.Grades;

/// <summary>
/// One change to a student's grade on one assignment: the fraction before and after, who caused it, when
/// and why. Append-only; written through <see cref="IGradeAudit"/>.
/// </summary>
public sealed class GradeChange
{
    public required Guid Id { get; init; }

    public required string Assignment { get; init; }

    public required string Login { get; init; }

    /// <summary>Fraction (0..1) before the change; null when there was no grade (or, for rows from before the log, unknown).</summary>
    public double? Old { get; init; }

    /// <summary>Fraction (0..1) after the change; null when the grade is gone.</summary>
    public double? New { get; init; }

    /// <summary>What changed it: override, rubric, extension, or a caller's own word (regrade, rescore).</summary>
    public required string Kind { get; init; }

    public required string By { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset At { get; init; }
}
