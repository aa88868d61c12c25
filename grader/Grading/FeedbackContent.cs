using Course.Core.Output;
using Course.Grader.Submissions;

namespace Course.Grader.Grading;

/// <summary>
/// What one run's feedback report says, and what its recorded result keeps: the run (null when none
/// happened), the checks, scores before and after the late penalty, and the sections already rendered.
/// </summary>
internal sealed record FeedbackContent(Submission Submission, Verdict Verdict)
{
    public SandboxOutcome? Run { get; init; }

    public ImageChoice? Image { get; init; }

    public IReadOnlyList<CheckResult> Checks { get; init; } = [];

    public Markdown? CompetitionLine { get; init; }

    public double RawScore { get; init; }

    public double Score { get; init; }

    public double MaxScore { get; init; }

    public int LateDays { get; init; }

    /// <summary>The sentence that says what went wrong, under the summary.</summary>
    public Markdown? Problem { get; init; }

    /// <summary>What a run stopped at its time limit kept (<see cref="Training.PartialRun"/>); null for a run that ended.</summary>
    public Markdown? Partial { get; init; }

    public Markdown? Training { get; init; }

    /// <summary>The smoke run's report is feedback only; the full run's is the graded one.</summary>
    public Queue.JobTier Tier { get; init; } = Queue.JobTier.Full;

    public Markdown? Build { get; init; }
}
