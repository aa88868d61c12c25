using Course.Assignments.Model;

namespace Course.Grader.Grading;

/// <summary>
/// Which graded submission counts for a student or team. <see cref="SubmissionChoice.Last"/>: the
/// newest one received on time (deadline + grace), or, when none was on time, the newest late one
/// (its late penalty already applied). <see cref="SubmissionChoice.Best"/>: the highest score after
/// penalties, the earlier one on a tie. Infrastructure failures never count.
/// </summary>
internal static class CountingResult
{
    public static GradedSubmission? Choose(IEnumerable<GradedSubmission> graded, SubmissionChoice choice, DateTimeOffset deadline,
        LatePolicySpec policy)
    {
        var candidates = graded.Where(g => g.Verdict != Verdict.InfrastructureFailure).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        if (choice == SubmissionChoice.Best)
        {
            return candidates.OrderByDescending(g => g.Score).ThenBy(g => g.ReceivedAt).First();
        }

        var onTime = candidates.Where(g => LatePolicy.OnTime(g.ReceivedAt, deadline, policy)).ToList();
        return (onTime.Count > 0 ? onTime : candidates).MaxBy(g => g.ReceivedAt);
    }
}

/// <summary>One graded submission as the counting rule sees it.</summary>
internal sealed record GradedSubmission(Guid JobId, string Commit, DateTimeOffset ReceivedAt, double Score, Verdict Verdict);
