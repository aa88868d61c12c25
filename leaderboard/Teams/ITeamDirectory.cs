using Course.Assignments.Roster;

namespace Course.Leaderboard.Teams;

/// <summary>The teams of a competition (the roster's; tests give their own).</summary>
internal interface ITeamDirectory
{
    Task<IReadOnlyList<RosterTeam>> TeamsAsync(string assignment, CancellationToken cancellation);
}
