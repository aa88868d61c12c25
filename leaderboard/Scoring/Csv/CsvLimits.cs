namespace Course.Leaderboard.Scoring.Csv;

/// <summary>
/// Size limits of a prediction file (docs/SECURITY.md rule 6): a hostile file gets an error naming the
/// limit, never a crash or an out-of-memory.
/// </summary>
/// <param name="MaxFileBytes">Largest accepted file; 200 MB by default.</param>
/// <param name="MaxLineBytes">Longest accepted line; 64 KiB by default.</param>
public sealed record CsvLimits(long MaxFileBytes = CsvLimits.DefaultMaxFileBytes, int MaxLineBytes = CsvLimits.DefaultMaxLineBytes)
{
    public const long DefaultMaxFileBytes = 200L * 1024 * 1024;

    public const int DefaultMaxLineBytes = 64 * 1024;

    public static CsvLimits Default { get; } = new();
}
