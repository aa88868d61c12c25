namespace Course.Leaderboard.Standings;

/// <summary>One team's place on the final private board.</summary>
/// <param name="Rank">1-based; unique (ties are broken by the earlier submission).</param>
/// <param name="Team">The team's name (a login for a student competing alone).</param>
/// <param name="Members">The members' logins.</param>
/// <param name="Score">The private score that ranked it.</param>
public sealed record FinalStanding(int Rank, string Team, IReadOnlyList<string> Members, double Score);
