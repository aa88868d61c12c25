using Course.Assignments.Feedback.Checks;
using Course.Assignments.Feedback.Metrics;

namespace Course.Assignments.Feedback;

/// <summary>The checks of one run, its parsed log (null when the log was missing or invalid) and the report.</summary>
public sealed record FeedbackResult(IReadOnlyList<FeedbackCheck> Checks, MetricsLog? Log, string Markdown)
{
    /// <summary>True when no check failed (warnings and skipped checks do not count).</summary>
    public bool Healthy => Checks.All(c => c.Status != CheckStatus.Fail);
}
