namespace Course.Grader.Intake;

/// <summary>What a commit shows for its grading: state, a one-line description (e.g. "score 8.5/10") and the feedback page.</summary>
internal sealed record CommitStatusUpdate(CommitState State, string Description, Uri? FeedbackUrl);

internal enum CommitState
{
    Pending,
    Success,
    Failure,
    Error,
}
