namespace Course.Grader.Grades.Regrades;

/// <summary>A regrade request with its thread, as staff and the team see it.</summary>
/// <param name="State">open, changed or unchanged.</param>
/// <param name="NewScore">The score given (fraction 0..1) when changed.</param>
public sealed record RegradeView(Guid Id, string Assignment, string Team, string AskedBy, string Item, string State, DateTimeOffset AskedAt,
    IReadOnlyList<RegradeThreadMessage> Messages, string? ResolvedBy, DateTimeOffset? ResolvedAt, string? Resolution, double? NewScore);

/// <summary>One message of a regrade thread.</summary>
public sealed record RegradeThreadMessage(string Author, bool FromStaff, string Text, DateTimeOffset At);
