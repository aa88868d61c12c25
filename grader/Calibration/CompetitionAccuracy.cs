using System.Globalization;

namespace Course.Grader.Calibration;

/// <summary>
/// Accuracy of a predictions.csv (id,label) against the hidden solution, for calibration runs of the
/// staff's own programs. Student files go through the leaderboard's strict scorer instead; this one is
/// still careful: size-capped, and any malformed, unknown or duplicate row is a note, not a score.
/// </summary>
internal static class CompetitionAccuracy
{
    private const long MaxBytes = 64L << 20;

    public static (double? Score, string? Note) Score(string solutionPath, string predictionsPath, string idColumn, string labelColumn)
    {
        if (!File.Exists(predictionsPath))
        {
            return (null, "no predictions.csv was written");
        }

        if (new FileInfo(predictionsPath).Length > MaxBytes)
        {
            return (null, $"predictions.csv is larger than {MaxBytes >> 20} MiB");
        }

        var solution = Read(solutionPath, idColumn, labelColumn, out var solutionError);
        if (solution is null)
        {
            throw new InvalidDataException($"{solutionPath}: {solutionError}");
        }

        var predictions = Read(predictionsPath, idColumn, labelColumn, out var error);
        if (predictions is null)
        {
            return (null, $"predictions.csv: {error}");
        }

        var unknown = predictions.Keys.FirstOrDefault(id => !solution.ContainsKey(id));
        if (unknown is not null)
        {
            return (null, $"predictions.csv: id '{unknown}' is not in the solution");
        }

        var correct = solution.Count(pair => predictions.TryGetValue(pair.Key, out var label) && label == pair.Value);
        var missing = solution.Count - predictions.Count;
        return ((double)correct / solution.Count, missing > 0 ? $"{missing} ids missing (counted as wrong)" : null);
    }

    private static Dictionary<string, string>? Read(string path, string idColumn, string labelColumn, out string? error)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").TrimStart('\uFEFF').TrimEnd('\r').Split(',');
        var (idIndex, labelIndex) = (Array.IndexOf(header, idColumn), Array.IndexOf(header, labelColumn));
        if (idIndex < 0 || labelIndex < 0)
        {
            error = $"line 1: expected columns '{idColumn}' and '{labelColumn}', found '{string.Join(',', header)}'";
            return null;
        }

        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var cells = line.TrimEnd('\r').Split(',');
            if (cells.Length != header.Length)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"line {number}: {cells.Length} cells, expected {header.Length}");
                return null;
            }

            if (!rows.TryAdd(cells[idIndex], cells[labelIndex].Trim()))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"line {number}: id '{cells[idIndex]}' appears twice");
                return null;
            }
        }

        error = null;
        return rows;
    }
}
