namespace Course.Leaderboard.Boards;

/// <summary>
/// One team on a board: its rank, its counting submission and score. On the private board,
/// <see cref="PublicRank"/> and <see cref="Shakeup"/> (public rank minus private rank: positive
/// means the team moved up) show how the hidden part changed the order.
/// </summary>
public sealed record BoardRow(int Rank, string Team, IReadOnlyList<string> Members, double Score, string SubmissionId,
    DateTimeOffset SubmittedAt, int Entries)
{
    public int? PublicRank { get; init; }

    public int? Shakeup { get; init; }
}
