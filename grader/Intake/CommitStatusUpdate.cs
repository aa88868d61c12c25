namespace Course.Grader.Intake;

/// <summary>
/// What a commit shows for its grading: <paramref name="Context"/> names the check ("course/hw1"), so
/// the final status replaces the "pending" one; a one-line description (e.g. "7/10 points") and the feedback page.
/// </summary>
internal sealed record CommitStatusUpdate(string Context, CommitState State, string Description, Uri? FeedbackUrl)
{
    /// <summary>The status context of <paramref name="assignment"/>'s grading: "course/hw1".</summary>
    public static string ContextOf(string assignment) => $"course/{assignment}";

    /// <summary>The status context of <paramref name="assignment"/>'s smoke runs ("course/hw1/smoke"), apart from the graded one.</summary>
    public static string ContextOf(string assignment, Queue.JobTier tier) =>
        tier == Queue.JobTier.Smoke ? $"{ContextOf(assignment)}/smoke" : ContextOf(assignment);
}

internal enum CommitState
{
    Pending,
    Success,
    Failure,
    Error,
}
