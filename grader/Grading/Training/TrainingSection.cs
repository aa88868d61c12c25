using Course.Assignments.Feedback;
using Course.Assignments.Feedback.Checks;
using Course.Core.Output;

namespace Course.Grader.Grading.Training;

/// <summary>
/// The "Training" section of a run's feedback, from the metrics log the run wrote (/out/metrics.jsonl):
/// the sanity checks of <see cref="TrainingFeedback"/> and its loss/accuracy curve, written into the run
/// folder beside feedback.md so the section's relative image link resolves. A missing or malformed log is
/// a line in the section, never an exception.
/// </summary>
internal static class TrainingSection
{
    public const string MetricsFile = "metrics.jsonl";

    /// <param name="metricsLog">The copied metrics log, or null when the run wrote none.</param>
    public static TrainingReport Write(string? metricsLog, FeedbackOptions options, string runFolder)
    {
        var text = new MarkdownBuilder().Line($"## Training").Line();
        if (metricsLog is null)
        {
            text.Append(Markdown.Constant("No training feedback: this run wrote no /out/metrics.jsonl. Log one JSON object per step, e.g. "
                + "`{\"step\": 1, \"loss\": 2.3, \"accuracy\": 0.1}`, to get sanity checks and a loss curve."));
            return new TrainingReport(text.ToMarkdown(), null);
        }

        var result = TrainingFeedback.FromFiles(metricsLog, options);
        if (result.Log is null)
        {
            text.Line($"Your metrics log could not be read, so no training checks ran and no curve was drawn:").Line();
        }

        text.Append(result.Body);
        return new TrainingReport(text.ToMarkdown(), TrainingFeedback.WriteCurve(result, runFolder));
    }
}
