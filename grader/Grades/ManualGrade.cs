namespace Course.Grader.Grades;

/// <summary>
/// Points a TA gave one student on one rubric item (written parts, projects, milestones). Rows are
/// never updated: a regrade adds a row, and the newest row of an item counts, so the history is the audit.
/// </summary>
public sealed class ManualGrade
{
    public required Guid Id { get; init; }

    public required string Assignment { get; init; }

    public required string Login { get; init; }

    /// <summary>A rubric item id, or a project milestone id.</summary>
    public required string Item { get; init; }

    public required double Points { get; init; }

    public required string GradedBy { get; init; }

    public string? Comment { get; init; }

    public required DateTimeOffset At { get; init; }
}
