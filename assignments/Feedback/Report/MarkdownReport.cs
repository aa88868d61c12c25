using Course.Assignments.Feedback.Checks;
using Course.Assignments.Feedback.Metrics;
using Course.Core.Output;

namespace Course.Assignments.Feedback.Report;

/// <summary>
/// Renders the checks as a short Markdown body for the student (no heading, so it can stand alone or be a
/// section of another report), with the curve image linked when there is a curve to draw. Check messages
/// can quote the student's log, so every value goes in escaped (<see cref="MarkdownLine"/>).
/// </summary>
internal static class MarkdownReport
{
    public static Markdown Render(IReadOnlyList<FeedbackCheck> checks, MetricsLog? log, FeedbackOptions options)
    {
        var text = new MarkdownBuilder();
        var failed = checks.Count(c => c.Status == CheckStatus.Fail);
        if (failed == 0)
        {
            text.Line($"Every sanity check passed.");
        }
        else
        {
            text.Line($"{failed} of {checks.Count} sanity checks failed.");
        }

        text.Line().Line($"| Check | Result | Details |").Line($"|---|---|---|");
        foreach (var check in checks)
        {
            text.Line($"| {check.Name} | {Badge(check.Status)} | {check.Message} |");
        }

        if (log is { Points.Count: > 0 })
        {
            var last = log.Points[^1];
            var baseline = options.BaselineAccuracy is null && options.BaselineUnknown is not null
                ? Markdown.Constant("baseline accuracy not known")
                : Markdown.Line($"baseline accuracy {options.Baseline:0.###}");
            text.Line().Line($"{log.Points.Count} lines logged, last step {last.Step}, {TrainingDevice.Describe(log.Device)}; classes: {options.Classes}, {baseline}.");
        }

        if (log is not null && LossCurvePlot.CanDraw(log))
        {
            text.Line().Line($"![loss and accuracy]({TrainingFeedback.CurveFile})");
        }

        return text.ToMarkdown();
    }

    private static Markdown Badge(CheckStatus status) => status switch
    {
        CheckStatus.Pass => Markdown.Constant("pass"),
        CheckStatus.Warn => Markdown.Constant("**warning**"),
        CheckStatus.Fail => Markdown.Constant("**FAIL**"),
        _ => Markdown.Constant("skipped"),
    };
}
