using System.Globalization;
using Course.Grader.Grading;

namespace Course.Grader.Intake.Statuses;

/// <summary>
/// The final commit status of a grading result: success when it was graded, failure when the
/// student's run went wrong (with what went wrong), error when the grader itself failed, which is
/// never the student's failure. Descriptions stay far below GitHub's 140 characters.
/// </summary>
internal static class GradingStatus
{
    public static CommitStatusUpdate For(GradingResult result, Uri? feedback)
    {
        var context = CommitStatusUpdate.ContextOf(result.Assignment, result.Tier);
        if (result.Verdict == Verdict.InfrastructureFailure)
        {
            return new(context, CommitState.Error, "the grader failed, not your code: this run does not count, the staff will re-run it",
                feedback);
        }

        if (result.Tier == Queue.JobTier.Smoke)
        {
            return result.Verdict == Verdict.Graded
                ? new(context, CommitState.Success, "smoke run passed (not graded): submit for the full run", feedback)
                : new(context, CommitState.Failure, $"smoke run failed: {VerdictWording.Words(result.Verdict)}", feedback);
        }

        var score = $"{Number(result.Score)}/{Number(result.MaxScore)} points{Late(result.LateDays)}";
        return result.Verdict == Verdict.Graded
            ? new(context, CommitState.Success, score, feedback)
            : new(context, CommitState.Failure, $"{score}: {VerdictWording.Words(result.Verdict)}", feedback);
    }

    private static string Late(int days) => days switch
    {
        0 => "",
        1 => ", 1 late day",
        _ => $", {days} late days",
    };

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
