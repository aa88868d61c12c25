namespace Course.Grader.Grades;

/// <summary>
/// A staff member's replacement of a student's computed score for one assignment (a regrade, an
/// excused late day). Requires a reason; append-only like <see cref="ManualGrade"/>; a null
/// <see cref="Fraction"/> withdraws the previous override.
/// </summary>
public sealed class ScoreOverride
{
    public required Guid Id { get; init; }

    public required string Assignment { get; init; }

    public required string Login { get; init; }

    /// <summary>Score as a fraction of the assignment's points (0..1), or null to return to the computed score.</summary>
    public double? Fraction { get; init; }

    public required string Reason { get; init; }

    public required string By { get; init; }

    public required DateTimeOffset At { get; init; }
}
