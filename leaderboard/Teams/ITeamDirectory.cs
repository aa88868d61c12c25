namespace Course.Leaderboard.Teams;

/// <summary>The teams of a competition (read from the assignments module's roster).</summary>
internal interface ITeamDirectory
{
    Task<IReadOnlyList<TeamInfo>> TeamsAsync(string assignment, CancellationToken cancellation);
}
