using Course.Assignments.Model;
using Course.Grader.Grades.Regrades;
using Course.Grader.Grading;
using Course.Grader.Submissions;

namespace Course.Grader.Grades.Review;

/// <summary>
/// What a TA sees of one student or team on one assignment: every attempt (newest first, each with its result when
/// graded), the members whose grades the actions change, the team's regrade requests, what of it is in the queue and
/// who reviewed it before.
/// </summary>
internal sealed record ReviewCase(AssignmentSpec Assignment, string Owner, IReadOnlyList<string> Members, IReadOnlyList<ReviewAttempt> Attempts,
    IReadOnlyList<RegradeView> Regrades, IReadOnlyList<ReviewEntry> Entries, IReadOnlyList<ReviewMark> Reviews)
{
    public ReviewAttempt? Latest => Attempts.FirstOrDefault();
}

/// <summary>One submission of the owner and its full run's result (null while not graded).</summary>
internal sealed record ReviewAttempt(Submission Submission, GradingResult? Result);
