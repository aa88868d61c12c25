using Course.Assignments.Feedback.Checks;
using Course.Assignments.Feedback.Metrics;
using Course.Core.Output;

namespace Course.Assignments.Feedback;

/// <summary>
/// The checks of one run, its parsed log (null when the log was missing or invalid) and the report:
/// <see cref="Body"/> without a heading (to embed as a section of another report), <see cref="Markdown"/>
/// as a document of its own. Both are <see cref="Core.Output.Markdown"/>: whatever the log said is escaped.
/// </summary>
public sealed record FeedbackResult(IReadOnlyList<FeedbackCheck> Checks, MetricsLog? Log, Markdown Body)
{
    public Markdown Markdown => new MarkdownBuilder().Line($"# Training feedback").Line().Append(Body).ToMarkdown();

    /// <summary>True when no check failed (warnings and skipped checks do not count).</summary>
    public bool Healthy => Checks.All(c => c.Status != CheckStatus.Fail);
}
