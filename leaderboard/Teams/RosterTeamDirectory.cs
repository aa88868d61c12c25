using Course.Assignments.Roster;

namespace Course.Leaderboard.Teams;

/// <summary>
/// The teams of a competition as the assignments module's roster defines them (<see cref="IRoster"/>):
/// formed teams and every other enrolled student as a team of one named by their login.
/// </summary>
internal sealed class RosterTeamDirectory(IRoster roster) : ITeamDirectory
{
    public Task<IReadOnlyList<RosterTeam>> TeamsAsync(string assignment, CancellationToken cancellation) =>
        roster.TeamsAsync(assignment, cancellation);
}
