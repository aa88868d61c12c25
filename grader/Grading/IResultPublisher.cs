using Course.Grader.Submissions;

namespace Course.Grader.Grading;

/// <summary>
/// Shows a recorded grading result outside the grader (a commit status on GitHub). Called after the
/// result is stored, so a publisher handles its own failures: the grade must never depend on it.
/// </summary>
internal interface IResultPublisher
{
    Task PublishAsync(Submission submission, GradingResult result, CancellationToken cancellation);
}
