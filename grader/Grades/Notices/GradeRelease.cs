namespace Course.Grader.Grades.Notices;

/// <summary>An assignment whose grades staff released: students see them (<c>/api/grades</c>) and were e-mailed.</summary>
internal sealed class GradeRelease
{
    public required string Assignment { get; init; }

    public required string By { get; init; }

    public required DateTimeOffset At { get; init; }
}
