using Course.Assignments.Feedback.Checks;
using Course.Assignments.Feedback.Metrics;

namespace Course.Assignments.Feedback;

/// <summary>
/// The checks of one run, its parsed log (null when the log was missing or invalid) and the report:
/// <see cref="Body"/> without a heading (to embed as a section of another report), <see cref="Markdown"/>
/// as a document of its own.
/// </summary>
public sealed record FeedbackResult(IReadOnlyList<FeedbackCheck> Checks, MetricsLog? Log, string Body)
{
    public string Markdown => "# Training feedback" + Environment.NewLine + Environment.NewLine + Body;

    /// <summary>True when no check failed (warnings and skipped checks do not count).</summary>
    public bool Healthy => Checks.All(c => c.Status != CheckStatus.Fail);
}
