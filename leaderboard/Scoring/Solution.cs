namespace Course.Leaderboard.Scoring;

/// <summary>
/// The hidden labels of a competition, read on the host. Never serialized, never shown: only
/// scores computed from it leave this module.
/// </summary>
internal sealed class Solution
{
    private readonly Lazy<bool[]> _isPublic;

    public Solution(ScoringSetup setup, SolutionIds ids, bool[]? usage, int[]? labels, LabelSet? classes, double[]? values)
    {
        Setup = setup;
        Ids = ids;
        // The seeded hash split costs a SHA-256 per row: computed only when a split is asked for.
        _isPublic = new Lazy<bool[]>(() => usage
            ?? Enumerable.Range(0, ids.Count).Select(row => PublicSplit.IsPublic(ids[row], setup.SplitSeed, setup.PublicFraction)).ToArray());
        Labels = labels;
        Classes = classes;
        Values = values;
    }

    public ScoringSetup Setup { get; }

    /// <summary>Row ids in file order.</summary>
    public SolutionIds Ids { get; }

    /// <summary>Per row: on the public board (Usage column, or the seeded hash of the id).</summary>
    public bool[] IsPublic => _isPublic.Value;

    public int PublicRows => IsPublic.Count(p => p);

    public int Count => Ids.Count;

    /// <summary>Class codes per row (classification metrics).</summary>
    public int[]? Labels { get; }

    public LabelSet? Classes { get; }

    /// <summary>Row-major true values, one per target column (regression metrics).</summary>
    public double[]? Values { get; }

    public bool TryFind(ReadOnlySpan<byte> utf8Id, out int row) => Ids.TryFind(utf8Id, out row);
}
