using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Course.Leaderboard.Scoring;

/// <summary>
/// The ids of a solution's rows, in file order, and the lookup from a prediction's id to its row.
/// Ids are compared as exact text. While every id is a plain non-negative integer (digits, no
/// leading zero: the usual test set) they are kept as numbers, which spares a string and a string
/// hash per row, and a dense range of them is looked up in an array; the first other id turns the
/// set into text for good. Rows are added while the file is read, then <see cref="Seal"/> builds
/// the lookup and finds repeats.
/// </summary>
internal sealed class SolutionIds
{
    private const int MaxNumericDigits = 18;

    private readonly List<long> _lines = [];
    private List<long>? _numbers = [];
    private List<string>? _texts;
    private int[]? _denseRows;
    private Dictionary<long, int>? _numberRows;
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _textRows;

    public int Count => _lines.Count;

    /// <summary>The id of a row, as it was written.</summary>
    public string this[int row] => _numbers is not null ? _numbers[row].ToString(CultureInfo.InvariantCulture) : _texts![row];

    public void Add(ReadOnlySpan<byte> utf8, long line)
    {
        _lines.Add(line);
        if (_numbers is not null && TryNumber(utf8, out var number))
        {
            _numbers.Add(number);
            return;
        }

        _texts ??= SwitchToText();
        _texts.Add(Encoding.UTF8.GetString(utf8));
    }

    /// <summary>Builds the lookup; returns the first id (in file order) that repeats an earlier row, if any.</summary>
    public RepeatedId? Seal() => _numbers is not null ? SealNumbers(_numbers) : SealTexts(_texts!);

    public bool TryFind(ReadOnlySpan<byte> utf8, out int row)
    {
        row = -1;
        if (_numbers is not null)
        {
            // A solution of plain integers holds no id that is not one ("007", "7.0", "x").
            return TryNumber(utf8, out var number) && (_denseRows is not null
                ? number < _denseRows.Length && (row = _denseRows[number]) >= 0
                : _numberRows!.TryGetValue(number, out row));
        }

        Span<char> text = utf8.Length <= 128 ? stackalloc char[128] : new char[utf8.Length];
        var length = Encoding.UTF8.GetChars(utf8, text);
        return _textRows.TryGetValue(text[..length], out row);
    }

    private RepeatedId? SealNumbers(List<long> numbers)
    {
        var max = numbers.Count == 0 ? 0 : numbers.Max();
        if (max < 4L * numbers.Count + 1024)
        {
            _denseRows = new int[max + 1];
            Array.Fill(_denseRows, -1);
            for (var row = 0; row < numbers.Count; row++)
            {
                ref var slot = ref _denseRows[numbers[row]];
                if (slot >= 0)
                {
                    return Repeat(row, slot);
                }

                slot = row;
            }

            return null;
        }

        _numberRows = new Dictionary<long, int>(numbers.Count);
        for (var row = 0; row < numbers.Count; row++)
        {
            if (!_numberRows.TryAdd(numbers[row], row))
            {
                return Repeat(row, _numberRows[numbers[row]]);
            }
        }

        return null;
    }

    private RepeatedId? SealTexts(List<string> texts)
    {
        var rows = new Dictionary<string, int>(texts.Count, StringComparer.Ordinal);
        for (var row = 0; row < texts.Count; row++)
        {
            if (!rows.TryAdd(texts[row], row))
            {
                return Repeat(row, rows[texts[row]]);
            }
        }

        _textRows = rows.GetAlternateLookup<ReadOnlySpan<char>>();
        return null;
    }

    private RepeatedId Repeat(int row, int first) => new(this[row], _lines[row], _lines[first]);

    private List<string> SwitchToText()
    {
        var texts = _numbers!.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList();
        _numbers = null;
        return texts;
    }

    private static bool TryNumber(ReadOnlySpan<byte> utf8, out long number)
    {
        number = 0;
        return utf8.Length is > 0 and <= MaxNumericDigits
            && (utf8[0] != (byte)'0' || utf8.Length == 1)
            && utf8.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            && Utf8Parser.TryParse(utf8, out number, out var consumed)
            && consumed == utf8.Length;
    }
}

/// <summary>An id found twice in a solution: where it repeats and where it first appeared.</summary>
internal readonly record struct RepeatedId(string Id, long Line, long FirstLine);
