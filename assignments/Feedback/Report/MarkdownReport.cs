using System.Globalization;
using System.Text;
using Course.Assignments.Feedback.Checks;
using Course.Assignments.Feedback.Metrics;

namespace Course.Assignments.Feedback.Report;

/// <summary>
/// Renders the checks as a short Markdown body for the student (no heading, so it can stand alone or be a
/// section of another report), with the curve image linked when there is a curve to draw.
/// </summary>
internal static class MarkdownReport
{
    public static string Render(IReadOnlyList<FeedbackCheck> checks, MetricsLog? log, FeedbackOptions options)
    {
        var text = new StringBuilder();
        var failed = checks.Count(c => c.Status == CheckStatus.Fail);
        text.AppendLine(failed == 0 ? "Every sanity check passed." : $"{failed} of {checks.Count} sanity checks failed.").AppendLine();
        text.AppendLine("| Check | Result | Details |").AppendLine("|---|---|---|");
        foreach (var check in checks)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {check.Name} | {Badge(check.Status)} | {Escape(check.Message)} |");
        }

        if (log is { Points.Count: > 0 })
        {
            var last = log.Points[^1];
            var baseline = options.BaselineAccuracy is null && options.BaselineUnknown is not null
                ? "baseline accuracy not known"
                : string.Create(CultureInfo.InvariantCulture, $"baseline accuracy {options.Baseline:0.###}");
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture,
                $"{log.Points.Count} lines logged, last step {last.Step}, {TrainingDevice.Describe(log.Device)}; classes: {options.Classes}, {baseline}.");
        }

        if (log is not null && LossCurvePlot.CanDraw(log))
        {
            text.AppendLine().AppendLine($"![loss and accuracy]({TrainingFeedback.CurveFile})");
        }

        return text.ToString();
    }

    private static string Badge(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Warn => "**warning**",
        CheckStatus.Fail => "**FAIL**",
        _ => "skipped",
    };

    // Messages can quote student data (a field name): keep it from breaking the table or adding markup.
    private static string Escape(string message) =>
        message.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal);
}
