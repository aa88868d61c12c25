using Course.Core.Errors;
using CsvHelper;

namespace Course.Assignments.Roster;

/// <summary>Reads a small staff-written CSV strictly: required columns by header, line numbers in every error.</summary>
internal static class CsvFile
{
    /// <summary>Reads every row as a header → value map; fails naming the missing columns.</summary>
    public static IReadOnlyList<(int Line, IReadOnlyDictionary<string, string> Fields)> Read(
        string path, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        if (!File.Exists(path))
        {
            throw new NotFoundException($"{path}: file not found");
        }

        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MaxRecordSize = 64 * 1024,
        };
        using var csv = CsvReader.FromFile(path, options, FileOptions.SequentialScan);
        var rows = new List<(int, IReadOnlyDictionary<string, string>)>();
        string[]? columns = null;
        try
        {
            while (csv.Read())
            {
                columns ??= CheckHeader(path, csv.Headers, required, optional);
                var line = checked((int)csv.LineNumber);
                if (csv.FieldCount != columns.Length)
                {
                    throw new BadInputException($"{path}:{line}: {csv.FieldCount} fields, expected {columns.Length}");
                }

                rows.Add((line, columns.Select((c, i) => (c, csv.GetString(i)))
                    .ToDictionary(p => p.c, p => p.Item2.Trim(), StringComparer.Ordinal)));
            }
        }
        catch (CsvFormatException error)
        {
            throw new BadInputException($"{path}:{csv.LineNumber}: {error.Message}", error);
        }

        if (columns is null)
        {
            CheckHeader(path, csv.Headers, required, optional);
        }

        return rows;
    }

    private static string[] CheckHeader(string path, IReadOnlyList<string>? header, IReadOnlyList<string> required,
        IReadOnlyList<string> optional)
    {
        if (header is null || header.Count == 0)
        {
            throw new BadInputException($"{path}: the file is empty; expected a header with {string.Join(",", required)}");
        }

        var columns = header.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var missing = required.Where(r => !columns.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            throw new BadInputException($"{path}:1: missing column(s) {string.Join(", ", missing)} (header is '{string.Join(",", header)}')");
        }

        var unknown = columns.Where(c => !required.Contains(c) && !optional.Contains(c)).ToList();
        return unknown.Count > 0 ? throw new BadInputException($"{path}:1: unknown column(s) {string.Join(", ", unknown)}") : columns;
    }
}
