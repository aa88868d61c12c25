namespace Course.Leaderboard.Scoring;

/// <summary>
/// The scores of one prediction file: over all rows, and over the public and the private rows
/// (null when that part has no rows or was not computed).
/// </summary>
public sealed record ScoreReport(string Metric, double Score, double? Public, double? Private, int Rows, int PublicRows);
