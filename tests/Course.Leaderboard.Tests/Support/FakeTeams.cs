using Course.Leaderboard.Teams;

namespace Course.Leaderboard.Tests.Support;

internal sealed class FakeTeams(IReadOnlyList<TeamInfo> teams) : ITeamDirectory
{
    public Task<IReadOnlyList<TeamInfo>> TeamsAsync(string assignment, CancellationToken cancellation) => Task.FromResult(teams);
}
