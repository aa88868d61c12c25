namespace Course.Assignments.Teams;

/// <summary>Staff's changes to the teams of team assignments; <see cref="Roster.IRoster"/> reads them.</summary>
public interface ITeams
{
    /// <summary>Imports assignment,team,login rows in one transaction; any bad line rejects the file. Returns the memberships added.</summary>
    Task<int> ImportAsync(string path, CancellationToken cancellation);

    /// <summary>Places every enrolled student without a team of <paramref name="assignment"/>; same seed, same teams.</summary>
    Task<TeamPlan> FormAsync(string assignment, int seed, CancellationToken cancellation);
}
