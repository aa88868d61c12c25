using Course.Assignments.Feedback;
using Course.Grader.Grading;
using Course.Grader.Grading.Training;

namespace Course.Grader.Web.Pages;

/// <summary>
/// The plain names a feedback report links its run's files by (the names the files had in the run's folder),
/// each with the result's store key of that file.
/// </summary>
internal static class RunFileNames
{
    public const string Feedback = "feedback.md";

    /// <summary>The store key of the file the report calls <paramref name="name"/>; null for any other name.</summary>
    public static string? KeyOf(GradingResult result, string name) => name switch
    {
        Feedback => result.FeedbackKey,
        TrainingFeedback.CurveFile => result.TrainingCurveKey,
        TrainingSection.MetricsFile => result.MetricsLogKey,
        _ => null,
    };
}
