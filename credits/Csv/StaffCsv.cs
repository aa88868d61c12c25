using Course.Core.Csv;
using Course.Core.Errors;

namespace Course.Credits.Csv;

/// <summary>
/// Reads a staff-provided CSV strictly: columns by header (each column may have several accepted
/// names, e.g. an AWS export's <c>lineItem/UnblendedCost</c> or a plain <c>cost</c>), and the file
/// and line number in every error. A file with a <see cref="Column.Secret"/> column (voucher codes) never has a
/// line's content in an error: a file without its header starts with a code.
/// </summary>
internal static class StaffCsv
{
    /// <summary>A column and the header names accepted for it (case-insensitive).</summary>
    public sealed record Column(string Name, bool Required, params string[] Aliases)
    {
        /// <summary>Its cells are secrets (voucher codes): errors about the file name lines, never their content.</summary>
        public bool Secret { get; init; }
    }

    /// <summary>One data row: its line number and the value of each known column (absent optional ones are missing).</summary>
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Fields)
    {
        public string? this[string column] => Fields.GetValueOrDefault(column);
    }

    public static IReadOnlyList<Row> Read(string path, IReadOnlyList<Column> columns)
    {
        var file = StaffCsvFile.Read(path, header => MapHeader(path, header, columns));
        return [.. file.Lines.Select(line =>
            new Row(line.Line, file.Header.ToDictionary(p => p.Value, p => line.Fields[p.Key], StringComparer.Ordinal)))];
    }

    private static Dictionary<int, string> MapHeader(string path, IReadOnlyList<string> header, IReadOnlyList<Column> columns)
    {
        var expected = string.Join(",", columns.Where(c => c.Required).Select(c => c.Aliases[0]));
        if (header.Count == 0)
        {
            throw new BadInputException($"{path}: the file is empty; expected a header with {expected}");
        }

        var names = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var map = new Dictionary<int, string>();
        foreach (var column in columns)
        {
            var index = Array.FindIndex(names, n => column.Aliases.Contains(n, StringComparer.OrdinalIgnoreCase));
            if (index >= 0)
            {
                map[index] = column.Name;
            }
            else if (column.Required)
            {
                // Without its header a file of codes starts with a code: the line is described, never shown.
                var found = columns.Any(c => c.Secret)
                    ? $"line 1 has {names.Length} field(s) and is not shown: without a header it is a code"
                    : $"header is '{string.Join(",", names)}'";
                throw new BadInputException(
                    $"{path}:1: missing column '{column.Aliases[0]}' (accepted names: {string.Join(", ", column.Aliases)}; {found}); the first line must be a header such as '{expected}'");
            }
        }

        return map;
    }
}
