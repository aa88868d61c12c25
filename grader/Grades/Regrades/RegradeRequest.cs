namespace Course.Grader.Grades.Regrades;

/// <summary>
/// A student's request to look at one item of an assignment again, filed under their team on that
/// assignment (a team of one for individual work). The thread is in <see cref="RegradeMessage"/>; staff
/// resolve it with a changed score (through an override) or unchanged, with a reason either way.
/// </summary>
internal sealed class RegradeRequest
{
    public required Guid Id { get; init; }

    public required string Assignment { get; init; }

    /// <summary>The team (or the login of a team of one) whose grade is in question.</summary>
    public required string Team { get; init; }

    /// <summary>The student who asked.</summary>
    public required string Login { get; init; }

    /// <summary><c>score</c> (the automatic score), a test check, a rubric item or a milestone id.</summary>
    public required string Item { get; init; }

    public required DateTimeOffset AskedAt { get; init; }

    public RegradeState State { get; set; } = RegradeState.Open;

    public string? ResolvedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? Resolution { get; set; }

    /// <summary>The score given when resolved as changed (fraction 0..1 of the assignment's points).</summary>
    public double? NewScore { get; set; }
}
