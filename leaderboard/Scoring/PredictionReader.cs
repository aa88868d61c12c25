using Course.Assignments.Model;
using Course.Leaderboard.Scoring.Csv;
using Course.Leaderboard.Scoring.Metrics;
using CsvHelper;

namespace Course.Leaderboard.Scoring;

/// <summary>
/// Reads a prediction file strictly and in one pass, storing only one prediction per solution
/// row, so memory depends on the solution, not on the file. The first problem stops the read
/// with its line: wrong header, wrong field count, unknown, repeated or empty id, a value that is
/// not a finite number (NaN, Inf) or a probability outside [0, 1]; ids the file lacks are reported at its end.
/// </summary>
internal static class PredictionReader
{
    public static Predictions Read(string path, Solution solution, CsvLimits limits)
    {
        var name = Path.GetFileName(path);
        using var csv = StrictCsv.Open(path, limits);
        var header = StrictCsv.Header(csv, name);
        var columns = PredictionColumns.Expected(solution);
        var at = PredictionColumns.Match(header, solution.Setup.IdColumn, columns, name);
        var layout = solution.Setup.Metric.Layout;
        var width = layout == PredictionLayout.Label ? 1 : columns.Count;
        var rejectNegative = solution.Setup.Metric.Name == CompetitionMetrics.Rmsle;
        var binaryShortcut = layout == PredictionLayout.Probabilities && columns.Count == 1;
        var labels = layout == PredictionLayout.Label ? new int[solution.Count] : null;
        var classes = layout == PredictionLayout.Label ? solution.Classes!.Extensible() : null;
        var values = layout == PredictionLayout.Label ? null : new double[solution.Count * (binaryShortcut ? 2 : width)];
        var firstLine = new int[solution.Count];
        var seen = 0;
        long line = 1;
        try
        {
            while (csv.Read())
            {
                line = csv.LineNumber;
                if (csv.FieldCount != header.Count)
                {
                    throw new InvalidFileException(name, line, $"{csv.FieldCount} fields, the header has {header.Count}");
                }

                var id = csv.GetSpan(at.Id);
                if (id.IsEmpty)
                {
                    throw new InvalidFileException(name, line, $"column '{solution.Setup.IdColumn}' is empty");
                }

                if (!solution.TryFind(id, out var row))
                {
                    throw new InvalidFileException(name, line, $"id '{StrictCsv.Show(id)}' is not an id of the test set");
                }

                if (firstLine[row] != 0)
                {
                    throw new InvalidFileException(name, line, $"id '{StrictCsv.Show(id)}' is repeated (first on line {firstLine[row]})");
                }

                firstLine[row] = checked((int)line);
                seen++;
                if (labels is not null)
                {
                    labels[row] = Label(csv.GetSpan(at.Values[0]), classes!, columns[0], name, line);
                    continue;
                }

                if (binaryShortcut)
                {
                    var p = Number(csv.GetSpan(at.Values[0]), columns[0], layout, rejectNegative, name, line);
                    values![row * 2] = 1 - p;
                    values[(row * 2) + 1] = p;
                    continue;
                }

                for (var c = 0; c < width; c++)
                {
                    values![(row * width) + c] = Number(csv.GetSpan(at.Values[c]), columns[c], layout, rejectNegative, name, line);
                }
            }
        }
        catch (CsvFormatException error)
        {
            throw StrictCsv.Malformed(name, error);
        }

        if (seen < solution.Count)
        {
            var missing = Enumerable.Range(0, solution.Count).Where(r => firstLine[r] == 0).Take(5).Select(r => $"'{solution.Ids[r]}'");
            throw new InvalidFileException(name, line + 1,
                $"end of file: {solution.Count - seen} id(s) of the test set have no prediction (first: {string.Join(", ", missing)})");
        }

        return new Predictions
        {
            Labels = labels,
            Classes = classes,
            Values = values,
            Width = binaryShortcut ? 2 : width,
        };
    }

    private static int Label(ReadOnlySpan<byte> field, LabelSet classes, string column, string name, long line)
    {
        if (field.IsEmpty)
        {
            throw new InvalidFileException(name, line, $"column '{column}' is empty");
        }

        // A label the solution never uses is a wrong prediction (and a class of its own for macro-F1).
        return classes.TryGet(field, out var code) ? code : classes.Add(System.Text.Encoding.UTF8.GetString(field));
    }

    private static double Number(ReadOnlySpan<byte> field, string column, PredictionLayout layout, bool rejectNegative, string name, long line)
    {
        if (!StrictCsv.TryNumber(field, out var value))
        {
            throw new InvalidFileException(name, line, $"column '{column}': '{StrictCsv.Show(field)}' is not a number");
        }

        if (!double.IsFinite(value))
        {
            throw new InvalidFileException(name, line, $"column '{column}': '{StrictCsv.Show(field)}' is not a finite number (NaN and Inf are rejected)");
        }

        if (value < 0 && rejectNegative)
        {
            throw new InvalidFileException(name, line, $"column '{column}': {StrictCsv.Show(field)} is negative (rmsle needs values of at least 0)");
        }

        if (layout == PredictionLayout.Probabilities && value is < 0 or > 1)
        {
            throw new InvalidFileException(name, line, $"column '{column}': {StrictCsv.Show(field)} is not a probability (0 to 1)");
        }

        return value;
    }
}
