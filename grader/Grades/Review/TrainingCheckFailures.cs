using Course.Assignments.Feedback;
using Course.Assignments.Feedback.Checks;
using Course.Assignments.Feedback.Metrics;
using Course.Assignments.Model;
using Course.Grader.Grading;
using Course.Grader.Grading.Training;
using Course.Grader.Storage;

namespace Course.Grader.Grades.Review;

/// <summary>
/// The training sanity checks a result's kept metrics log fails, judged as its feedback judged them
/// (<see cref="TrainingFeedback"/> against the calibrated baseline); a log that cannot be read is a failure too.
/// </summary>
internal sealed class TrainingCheckFailures(IBlobStore store, CalibratedBaseline baseline)
{
    private readonly Dictionary<string, FeedbackOptions> _options = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> OfAsync(AssignmentSpec assignment, GradingResult result, CancellationToken cancellation)
    {
        if (result.MetricsLogKey is not { } key || await store.OpenAsync(key, cancellation) is not { } content)
        {
            return [];
        }

        if (!_options.TryGetValue(assignment.Id, out var options))
        {
            options = _options[assignment.Id] = await baseline.OptionsAsync(assignment, cancellation);
        }

        await using (content)
        {
            try
            {
                var log = MetricsLogParser.Parse(content, TrainingSection.MetricsFile);
                return TrainingFeedback.Analyze(log, options).Checks.Where(c => c.Status == CheckStatus.Fail)
                    .Select(c => $"{c.Name}: {c.Message}").ToList();
            }
            catch (MetricsLogException unreadable)
            {
                return [$"metrics-log: {unreadable.Message}"];
            }
        }
    }
}
