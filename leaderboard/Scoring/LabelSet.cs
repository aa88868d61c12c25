using System.Globalization;
using System.Text;

namespace Course.Leaderboard.Scoring;

/// <summary>
/// Class labels and their codes. Labels are compared as exact text (after trimming), so "1" and
/// "1.0" are different labels. Codes of the solution's labels follow the sorted order (numeric
/// when every label is a number), so the "greater" label of a binary problem is well defined.
/// </summary>
internal sealed class LabelSet
{
    private readonly List<string> _labels;
    private readonly Dictionary<string, int> _codes;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private LabelSet(IEnumerable<string> labels)
    {
        _labels = labels.ToList();
        _codes = _labels.Select((label, code) => (label, code)).ToDictionary(p => p.label, p => p.code, StringComparer.Ordinal);
        _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Labels that occur in the solution, in code order.</summary>
    public int SolutionCount { get; private init; }

    public int Count => _labels.Count;

    public string this[int code] => _labels[code];

    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The solution's labels, sorted; returns the map from first-seen order to the sorted code.</summary>
    public static (LabelSet Set, int[] Recode) Sorted(IReadOnlyList<string> seenOrder)
    {
        var numeric = seenOrder.All(l => double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var sorted = numeric
            ? seenOrder.OrderBy(l => double.Parse(l, CultureInfo.InvariantCulture)).ThenBy(l => l, StringComparer.Ordinal).ToList()
            : seenOrder.Order(StringComparer.Ordinal).ToList();
        var set = new LabelSet(sorted) { SolutionCount = sorted.Count };
        return (set, seenOrder.Select(l => set._codes[l]).ToArray());
    }

    /// <summary>An empty set whose codes follow the order labels are added in (while a solution is read).</summary>
    public static LabelSet InFirstSeenOrder() => new([]);

    /// <summary>A copy that can grow with labels only the predictions use (they count as wrong).</summary>
    public LabelSet Extensible() => new(_labels) { SolutionCount = SolutionCount };

    public bool TryGet(ReadOnlySpan<byte> utf8, out int code)
    {
        Span<char> text = utf8.Length <= 128 ? stackalloc char[128] : new char[utf8.Length];
        var length = Encoding.UTF8.GetChars(utf8, text);
        return _lookup.TryGetValue(text[..length], out code);
    }

    public int Add(string label)
    {
        _codes.Add(label, _labels.Count);
        _labels.Add(label);
        return _labels.Count - 1;
    }
}
