using System.Collections.Concurrent;
using Course.Leaderboard.Scoring.Csv;

namespace Course.Leaderboard.Scoring;

/// <summary>
/// Keeps parsed solutions in memory for the life of the process (a server scores many
/// submissions of the same competition); a changed file (time or size) is read again.
/// </summary>
internal sealed class SolutionCache
{
    private readonly ConcurrentDictionary<(string Path, ScoringSetup Setup), (DateTime Written, long Length, Lazy<Solution> Solution)> _entries = new();

    public Solution Get(string path, ScoringSetup setup)
    {
        var info = new FileInfo(path);
        var written = info.Exists ? info.LastWriteTimeUtc : default;
        var length = info.Exists ? info.Length : -1;
        var entry = _entries.AddOrUpdate((path, setup),
            _ => (written, length, new Lazy<Solution>(() => SolutionReader.Read(path, setup, CsvLimits.Default))),
            (_, old) => old.Written == written && old.Length == length
                ? old
                : (written, length, new Lazy<Solution>(() => SolutionReader.Read(path, setup, CsvLimits.Default))));
        try
        {
            return entry.Solution.Value;
        }
        catch
        {
            // A broken solution is not cached, so fixing the file is enough.
            _entries.TryRemove(new KeyValuePair<(string, ScoringSetup), (DateTime, long, Lazy<Solution>)>((path, setup), entry));
            throw;
        }
    }
}
