using Course.Core.Csv;
using Course.Core.Errors;

namespace Course.Assignments.Roster;

/// <summary>Reads a small staff-written CSV strictly: required columns by header, line numbers in every error.</summary>
internal static class CsvFile
{
    /// <summary>Reads every row as a header → value map; fails naming the missing columns.</summary>
    public static IReadOnlyList<(int Line, IReadOnlyDictionary<string, string> Fields)> Read(
        string path, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        var file = StaffCsvFile.Read(path, header => CheckHeader(path, header, required, optional));
        return [.. file.Lines.Select(line =>
            (line.Line, file.Header.Zip(line.Fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)))];
    }

    private static string[] CheckHeader(string path, IReadOnlyList<string> header, IReadOnlyList<string> required,
        IReadOnlyList<string> optional)
    {
        if (header.Count == 0)
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
