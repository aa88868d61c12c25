using Course.Assignments.Roster;
using Course.Leaderboard.Teams;

namespace Course.Leaderboard.Tests.Support;

internal sealed class FakeTeams(IReadOnlyList<RosterTeam> teams) : ITeamDirectory
{
    public Task<IReadOnlyList<RosterTeam>> TeamsAsync(string assignment, CancellationToken cancellation) => Task.FromResult(teams);
}
