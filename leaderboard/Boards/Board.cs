namespace Course.Leaderboard.Boards;

/// <summary>A leaderboard as shown: public (public scores only) or, after finalization, private.</summary>
public sealed record Board(string Assignment, string Metric, bool Private, bool Finalized, DateTimeOffset Deadline,
    IReadOnlyList<BoardRow> Rows);
