namespace Course.Credits.Issuing;

/// <summary>A team's place on a competition's final (private) board and its members' logins.</summary>
public sealed record PrizeWinner(int Rank, string Team, IReadOnlyList<string> Members);
