namespace Course.Assignments.Roster;

/// <summary>One student in one team; a student is in at most one team per assignment.</summary>
internal sealed class TeamMember
{
    public required string TeamId { get; init; }

    public required string Assignment { get; init; }

    public required string Login { get; init; }
}
