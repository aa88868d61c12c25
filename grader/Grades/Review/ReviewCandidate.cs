using Course.Grader.Grading;

namespace Course.Grader.Grades.Review;

/// <summary>An owner's latest graded (full) result on an assignment, as the queue's selection reads it.</summary>
/// <param name="Fraction">Raw points over the maximum (before any late penalty, so lateness is no outlier); null without a maximum.</param>
/// <param name="FailedTrainingChecks">The training sanity checks its metrics log fails, as "name: message".</param>
public sealed record ReviewCandidate(Guid JobId, Guid SubmissionId, string Owner, Verdict Verdict, double? Fraction, DateTimeOffset RecordedAt,
    IReadOnlyList<string> FailedTrainingChecks);

/// <summary>An open regrade request, as the queue's selection reads it.</summary>
/// <param name="LastStudentMessage">When the team last wrote in its thread: a staff reply reviews it until they write again.</param>
public sealed record OpenRegrade(Guid Id, string Team, string Item, DateTimeOffset LastStudentMessage);
