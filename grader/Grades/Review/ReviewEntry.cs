namespace Course.Grader.Grades.Review;

/// <summary>One entry of the review queue: a student's or team's latest result, or an open regrade request, and why it needs a person.</summary>
/// <param name="Since">When it came to need a person (the result's time, the student's latest message); a review older than this does not count.</param>
public sealed record ReviewEntry(string Subject, string Assignment, string Owner, Guid? SubmissionId, IReadOnlyList<ReviewReason> Reasons,
    DateTimeOffset Since)
{
    public string ReasonText => string.Join("; ", Reasons);
}
