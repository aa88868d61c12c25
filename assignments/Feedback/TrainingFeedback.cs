using Course.Assignments.Feedback.Checks;
using Course.Assignments.Feedback.Metrics;
using Course.Assignments.Feedback.Report;

namespace Course.Assignments.Feedback;

/// <summary>
/// Training feedback from a run's metrics.jsonl: the sanity checks (initial loss near ln(classes), no
/// NaN/Inf, loss going down, better than the input-independent baseline, and, given the extra logs,
/// overfit-one-batch and same-seed-twice), a Markdown report and a loss/accuracy curve PNG.
/// A missing or malformed log is a failed check in the report, never an exception.
/// </summary>
public static class TrainingFeedback
{
    public const string ReportFile = "feedback.md";
    public const string CurveFile = "loss-curve.png";

    /// <summary>Checks parsed logs. <paramref name="overfit"/> and <paramref name="repeat"/> (same seed again) are optional.</summary>
    public static FeedbackResult Analyze(MetricsLog log, FeedbackOptions options, MetricsLog? overfit = null, MetricsLog? repeat = null)
    {
        var checks = new List<FeedbackCheck>
        {
            SanityChecks.InitialLoss(log, options),
            SanityChecks.Finite(log),
            SanityChecks.LossDecreases(log, options),
            SanityChecks.BeatsBaseline(log, options),
        };
        if (overfit is not null)
        {
            checks.Add(SanityChecks.OverfitOneBatch(overfit, options));
        }

        if (repeat is not null)
        {
            checks.Add(SanityChecks.SameSeedTwice(log, repeat, options));
        }

        return new FeedbackResult(checks, log, MarkdownReport.Render(checks, log, options));
    }

    /// <summary>Parses the files (student-written: strictly, with <paramref name="limits"/>) and checks them.</summary>
    public static FeedbackResult FromFiles(string metricsPath, FeedbackOptions options, string? overfitPath = null, string? repeatPath = null, MetricsLogLimits? limits = null)
    {
        var problems = new List<FeedbackCheck>();
        var log = TryParse(metricsPath, "metrics-log", limits, problems);
        var overfit = overfitPath is null ? null : TryParse(overfitPath, SanityChecks.OverfitName, limits, problems);
        var repeat = repeatPath is null ? null : TryParse(repeatPath, SanityChecks.SameSeedName, limits, problems);
        if (log is null)
        {
            return new FeedbackResult(problems, null, MarkdownReport.Render(problems, null, options));
        }

        var result = Analyze(log, options, overfit, repeat);
        var checks = problems.Concat(result.Checks).ToList();
        return result with { Checks = checks, Body = MarkdownReport.Render(checks, log, options) };
    }

    /// <summary>Writes feedback.md and, when the log has points to draw, loss-curve.png into <paramref name="folder"/>.</summary>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(FeedbackResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        var report = Path.Combine(folder, ReportFile);
        File.WriteAllText(report, result.Markdown.Text);
        return WriteCurve(result, folder) is { } curve ? [report, curve] : [report];
    }

    /// <summary>
    /// Writes only loss-curve.png into <paramref name="folder"/>, for a report that embeds <see cref="FeedbackResult.Body"/>
    /// (its image link is relative, so the report must sit in the same folder).
    /// </summary>
    /// <returns>The file written, or null when the log is missing or has nothing finite to draw.</returns>
    public static string? WriteCurve(FeedbackResult result, string folder)
    {
        var curve = Path.Combine(folder, CurveFile);
        return result.Log is { } log && LossCurvePlot.TrySave(log, curve) ? curve : null;
    }

    private static MetricsLog? TryParse(string path, string check, MetricsLogLimits? limits, List<FeedbackCheck> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(new FeedbackCheck(check, CheckStatus.Fail, $"{Path.GetFileName(path)} was not written: log one JSON object per step to /out/metrics.jsonl"));
            return null;
        }

        try
        {
            return MetricsLogParser.Parse(path, limits);
        }
        catch (MetricsLogException e)
        {
            problems.Add(new FeedbackCheck(check, CheckStatus.Fail, e.Message));
            return null;
        }
    }
}
