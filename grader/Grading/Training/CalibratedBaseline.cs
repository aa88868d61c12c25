using Course.Assignments.Courses;
using Course.Assignments.Feedback.Checks;
using Course.Assignments.Feedback.Metrics;
using Course.Assignments.Model;
using Course.Grader.Calibration;
using Course.Grader.Storage;

namespace Course.Grader.Grading.Training;

/// <summary>
/// The baseline accuracy the beats-baseline check compares with, from what <c>grader calibrate</c> kept of
/// the trivial baseline's run (<see cref="StoredCalibrations.BaselineOutputsAsync"/>): the last accuracy its own
/// metrics.jsonl logged, else, for a competition scored by accuracy, its predictions.csv scored against the
/// hidden solution. Without either the check is skipped with a note: 1/classes would be a guess that is
/// wrong for an unbalanced data set.
/// </summary>
internal sealed class CalibratedBaseline(ICourseProvider course, StoredCalibrations calibrations)
{
    public async Task<FeedbackOptions> OptionsAsync(AssignmentSpec assignment, CancellationToken cancellation)
    {
        var outputs = await calibrations.BaselineOutputsAsync(assignment.Id, cancellation);
        try
        {
            return (Logged(outputs) ?? ScoredAccuracy(assignment, outputs)) is { } accuracy and >= 0.0 and <= 1.0
                ? new FeedbackOptions { BaselineAccuracy = accuracy }
                : Unknown($"the staff have not calibrated a baseline accuracy for '{assignment.Id}' yet");
        }
        catch (MetricsLogException e)
        {
            return Unknown($"the calibrated baseline's log could not be read ({e.Message})");
        }
    }

    private static FeedbackOptions Unknown(string why) => new() { BaselineUnknown = $"skipped: {why}" };

    private static double? Logged(string outputs)
    {
        var log = Path.Combine(outputs, TrainingSection.MetricsFile);
        return File.Exists(log) ? MetricsLogParser.Parse(log).FinalAccuracy?.Value : null;
    }

    /// <summary>
    /// The calibrated baseline's predictions.csv scored against the hidden solution, as calibration scores it;
    /// null unless the assignment is an accuracy competition whose baseline has been calibrated.
    /// </summary>
    public async Task<double?> ScoredAccuracyAsync(AssignmentSpec assignment, CancellationToken cancellation) =>
        ScoredAccuracy(assignment, await calibrations.BaselineOutputsAsync(assignment.Id, cancellation));

    private double? ScoredAccuracy(AssignmentSpec assignment, string outputs) =>
        assignment.Competition is { Metric: CompetitionMetrics.Accuracy } competition
            ? CompetitionAccuracy.Score(course.Resolve(competition.Solution), Path.Combine(outputs, "predictions.csv"),
                competition.IdColumn, competition.TargetColumns[0]).Score
            : null;
}
