namespace Course.Grader.Grades;

/// <summary>
/// A new deadline staff granted one student, or one team on team work, for one assignment. Append-only: the
/// newest grant for the same assignment and owner counts, so shortening or withdrawing is another grant.
/// </summary>
public sealed class Extension
{
    public required Guid Id { get; init; }

    public required string Assignment { get; init; }

    /// <summary>A student's login, or a team's name on team work: the owner of the submissions.</summary>
    public required string Owner { get; init; }

    public required DateTimeOffset Deadline { get; init; }

    public required string Reason { get; init; }

    public required string GrantedBy { get; init; }

    public required DateTimeOffset GrantedAt { get; init; }
}
