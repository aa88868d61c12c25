namespace Course.Leaderboard.Teams;

/// <summary>A team of a competition and its members' logins; a student without a team is a team of one named after their login.</summary>
public sealed record TeamInfo(string Name, IReadOnlyList<string> Members);
