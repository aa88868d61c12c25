namespace Course.Grader.Grades.Regrades;

/// <summary>One message of a regrade thread: the student's request first, then replies from staff and the team.</summary>
internal sealed class RegradeMessage
{
    public required Guid Id { get; init; }

    public required Guid RequestId { get; init; }

    public required string Author { get; init; }

    public required bool FromStaff { get; init; }

    public required string Text { get; init; }

    public required DateTimeOffset At { get; init; }
}
