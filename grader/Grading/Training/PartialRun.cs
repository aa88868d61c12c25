using System.Globalization;
using Course.Assignments.Feedback.Metrics;
using Course.Core.Output;

namespace Course.Grader.Grading.Training;

/// <summary>
/// What a run stopped at its time limit keeps: the metrics it logged up to its last complete line (a line cut off
/// mid-write by the stop is dropped from the run's copy, so the curve so far can still be drawn) and a paragraph
/// naming the last metrics logged. The log tails follow in the report as for any run.
/// </summary>
internal static class PartialRun
{
    /// <param name="metricsLog">The run's copied metrics log, or null when it wrote none.</param>
    public static Markdown Describe(string? metricsLog, long wallMs)
    {
        var text = new MarkdownBuilder().Line($"## Partial results").Line();
        text.Line($"The run was stopped at its time limit after {wallMs / 1000.0:0.#} s; what it logged until then is kept: the training curve so far (below), the last metrics and the log tails.");
        if (metricsLog is null)
        {
            return text.Line().Line($"It logged no metrics before it was stopped.").ToMarkdown();
        }

        var cut = DropUnfinishedLine(metricsLog);
        try
        {
            var last = MetricsLogParser.Parse(metricsLog).Points.LastOrDefault();
            if (last is null)
            {
                text.Line().Line($"It logged no complete metrics line before it was stopped.");
            }
            else
            {
                text.Line().Line($"Last metrics logged: {Describe(last)}.");
            }
        }
        catch (MetricsLogException malformed)
        {
            text.Line().Line($"Its metrics log could not be read: {malformed.Message}");
        }

        if (cut)
        {
            text.Line().Line($"The line it was writing when it was stopped was incomplete and is left out.");
        }

        return text.ToMarkdown();
    }

    /// <summary>
    /// Truncates the copy after its last newline; true when an incomplete line was dropped. Only the last 8 KiB are
    /// looked at: a metrics line is at most 4 KiB, so a longer unfinished tail is left for the parser to report.
    /// </summary>
    private static bool DropUnfinishedLine(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var tail = new byte[(int)Math.Min(file.Length, 8192)];
        file.Position = file.Length - tail.Length;
        file.ReadExactly(tail);
        var newline = Array.LastIndexOf(tail, (byte)'\n');
        if (newline == tail.Length - 1 || (newline < 0 && tail.Length < file.Length))
        {
            return false;
        }

        file.SetLength(file.Length - tail.Length + newline + 1);
        return true;
    }

    private static string Describe(MetricsPoint point) => string.Join(", ", new (string Name, double? Value)[]
        {
            ("step", point.Step), ("epoch", point.Epoch), ("loss", point.Loss), ("accuracy", point.Accuracy),
            ("val_loss", point.ValidationLoss), ("val_accuracy", point.ValidationAccuracy),
        }.Where(f => f.Value is not null).Select(f => $"{f.Name} {f.Value!.Value.ToString("0.#####", CultureInfo.InvariantCulture)}"));
}
