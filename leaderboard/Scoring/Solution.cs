using System.Text;

namespace Course.Leaderboard.Scoring;

/// <summary>
/// The hidden labels of a competition, read on the host. Never serialized, never shown: only
/// scores computed from it leave this module.
/// </summary>
internal sealed class Solution
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Solution(ScoringSetup setup, string[] ids, bool[]? usage, int[]? labels, LabelSet? classes, double[]? values)
    {
        Setup = setup;
        Ids = ids;
        // The seeded hash split costs a SHA-256 per row: computed only when a split is asked for.
        _isPublic = new Lazy<bool[]>(() => usage ?? ids.Select(id => PublicSplit.IsPublic(id, setup.SplitSeed, setup.PublicFraction)).ToArray());
        Labels = labels;
        Classes = classes;
        Values = values;
        Index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            Index.Add(ids[i], i);
        }

        _lookup = Index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ScoringSetup Setup { get; }

    /// <summary>Row ids in file order.</summary>
    public string[] Ids { get; }

    public Dictionary<string, int> Index { get; }

    private readonly Lazy<bool[]> _isPublic;

    /// <summary>Per row: on the public board (Usage column, or the seeded hash of the id).</summary>
    public bool[] IsPublic => _isPublic.Value;

    public int PublicRows => IsPublic.Count(p => p);

    public int Count => Ids.Length;

    /// <summary>Class codes per row (classification metrics).</summary>
    public int[]? Labels { get; }

    public LabelSet? Classes { get; }

    /// <summary>Row-major true values, one per target column (regression metrics).</summary>
    public double[]? Values { get; }

    public bool TryFind(ReadOnlySpan<byte> utf8Id, out int row)
    {
        Span<char> text = utf8Id.Length <= 128 ? stackalloc char[128] : new char[utf8Id.Length];
        var length = Encoding.UTF8.GetChars(utf8Id, text);
        return _lookup.TryGetValue(text[..length], out row);
    }
}
