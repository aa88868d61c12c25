namespace Course.Assignments.Roster;

/// <summary>A team of students for one assignment (a competition or the project).</summary>
internal sealed class Team
{
    public required string Id { get; init; }

    public required string Assignment { get; init; }

    public required string Name { get; init; }

    public List<TeamMember> Members { get; init; } = [];
}
