using System.Text;
using Course.Assignments.Model;
using Course.Leaderboard.Scoring.Csv;
using CsvHelper;

namespace Course.Leaderboard.Scoring;

/// <summary>
/// Reads the staff's solution file: the id column, the target columns and an optional
/// <c>Usage</c> column (Public/Private); other columns are ignored. Every row needs a unique id
/// and its targets (finite numbers for regression metrics).
/// </summary>
internal static class SolutionReader
{
    public static Solution Read(string path, ScoringSetup setup, CsvLimits limits)
    {
        var name = Path.GetFileName(path);
        if (setup.Metric.IsClassification && setup.TargetColumns.Count != 1)
        {
            throw new InvalidFileException(name, 0,
                $"metric {setup.Metric.Name} needs exactly one target column, the competition names {setup.TargetColumns.Count}");
        }

        using var csv = StrictCsv.Open(path, limits);
        var header = StrictCsv.Header(csv, name);
        var idAt = Column(header, setup.IdColumn, name);
        var targetAt = setup.TargetColumns.Select(c => Column(header, c, name)).ToArray();
        var usageAt = IndexOf(header, ScoringSetup.UsageColumn);
        var ids = new SolutionIds();
        var usage = new List<bool>();
        var labelCodes = new List<int>();
        var seenLabels = LabelSet.InFirstSeenOrder();
        var values = new List<double>();
        try
        {
            while (csv.Read())
            {
                var line = csv.LineNumber;
                if (csv.FieldCount != header.Count)
                {
                    throw new InvalidFileException(name, line, $"{csv.FieldCount} fields, the header has {header.Count}");
                }

                var id = csv.GetSpan(idAt);
                if (id.IsEmpty)
                {
                    throw new InvalidFileException(name, line, $"column '{setup.IdColumn}' is empty");
                }

                ids.Add(id, line);
                if (usageAt >= 0)
                {
                    usage.Add(Usage(csv.GetSpan(usageAt), name, line));
                }
                if (setup.Metric.IsClassification)
                {
                    var label = csv.GetSpan(targetAt[0]);
                    if (label.IsEmpty)
                    {
                        throw new InvalidFileException(name, line, $"column '{setup.TargetColumns[0]}' is empty");
                    }

                    labelCodes.Add(seenLabels.TryGet(label, out var code) ? code : seenLabels.Add(Encoding.UTF8.GetString(label)));
                    continue;
                }

                for (var t = 0; t < targetAt.Length; t++)
                {
                    var field = csv.GetSpan(targetAt[t]);
                    if (!StrictCsv.TryNumber(field, out var value) || !double.IsFinite(value))
                    {
                        throw new InvalidFileException(name, line,
                            $"column '{setup.TargetColumns[t]}': '{StrictCsv.Show(field)}' is not a finite number");
                    }

                    if (value < 0 && setup.Metric.Name == CompetitionMetrics.Rmsle)
                    {
                        throw new InvalidFileException(name, line,
                            $"column '{setup.TargetColumns[t]}': {value} is negative (rmsle needs values of at least 0)");
                    }

                    values.Add(value);
                }
            }
        }
        catch (CsvFormatException error)
        {
            throw StrictCsv.Malformed(name, error);
        }

        if (ids.Count == 0)
        {
            throw new InvalidFileException(name, 2, "the file has a header but no rows");
        }

        if (ids.Seal() is { } repeat)
        {
            throw new InvalidFileException(name, repeat.Line,
                $"id '{StrictCsv.Show(Encoding.UTF8.GetBytes(repeat.Id))}' is repeated (first on line {repeat.FirstLine})");
        }

        return Build(setup, name, ids, usage, labelCodes, seenLabels, values);
    }

    private static Solution Build(ScoringSetup setup, string name, SolutionIds ids, List<bool> usage,
        List<int> labelCodes, LabelSet seenLabels, List<double> values)
    {
        if (!setup.Metric.IsClassification)
        {
            return new Solution(setup, ids, usage.Count > 0 ? usage.ToArray() : null, null, null, values.ToArray());
        }

        var (classes, recode) = LabelSet.Sorted(seenLabels.Labels);
        var labels = new int[labelCodes.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = recode[labelCodes[i]];
        }

        if (setup.Metric.Layout == Metrics.PredictionLayout.Score && classes.Count != 2)
        {
            throw new InvalidFileException(name, 0, $"metric {setup.Metric.Name} needs exactly 2 classes, the solution has {classes.Count}");
        }

        if (setup.Metric.Layout == Metrics.PredictionLayout.Probabilities && classes.Count < 2)
        {
            throw new InvalidFileException(name, 0, $"metric {setup.Metric.Name} needs at least 2 classes, the solution has {classes.Count}");
        }

        return new Solution(setup, ids, usage.Count > 0 ? usage.ToArray() : null, labels, classes, null);
    }

    private static bool Usage(ReadOnlySpan<byte> value, string name, long line) =>
        value.SequenceEqual("Public"u8) || value.SequenceEqual("public"u8) ? true
        : value.SequenceEqual("Private"u8) || value.SequenceEqual("private"u8) ? false
        : throw new InvalidFileException(name, line, $"column 'Usage': '{StrictCsv.Show(value)}' is neither Public nor Private");

    private static int Column(IReadOnlyList<string> header, string column, string name)
    {
        var at = IndexOf(header, column);
        return at >= 0
            ? at
            : throw new InvalidFileException(name, 1, $"column '{column}' is missing (header: {string.Join(",", header)})");
    }

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
