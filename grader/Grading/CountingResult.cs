using Course.Assignments.Model;

namespace Course.Grader.Grading;

/// <summary>
/// Which graded submission counts for a student or team, given the late days they have left.
/// <see cref="SubmissionChoice.Last"/>: the newest one the deadline (plus grace and the late days left)
/// covers, or, when none is covered, the newest one (its late penalty applied). <see cref="SubmissionChoice.Best"/>:
/// the highest score after late days and penalties, the earlier one on a tie. Infrastructure failures never count.
/// </summary>
internal static class CountingResult
{
    public static CountedSubmission? Choose(IEnumerable<GradedSubmission> graded, SubmissionChoice choice, DateTimeOffset deadline,
        LatePolicySpec policy, TimeZoneInfo zone, int lateDaysLeft)
    {
        var candidates = graded.Where(g => g.Verdict != Verdict.InfrastructureFailure)
            .Select(g => new CountedSubmission(g, LateDayCharge.For(g.ReceivedAt, deadline, policy, zone, lateDaysLeft)))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        if (choice == SubmissionChoice.Best)
        {
            return candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Submission.ReceivedAt).First();
        }

        var covered = candidates.Where(c => c.Charge.PenaltyDays == 0).ToList();
        return (covered.Count > 0 ? covered : candidates).MaxBy(c => c.Submission.ReceivedAt);
    }
}

/// <summary>One graded submission as the counting rule sees it; <paramref name="Score"/> is the fraction before any late penalty.</summary>
internal sealed record GradedSubmission(Guid JobId, string Commit, DateTimeOffset ReceivedAt, double Score, Verdict Verdict);

/// <summary>The submission that counts and what its lateness costs.</summary>
internal sealed record CountedSubmission(GradedSubmission Submission, LateDayCharge Charge)
{
    /// <summary>The fraction after late days and the late penalty.</summary>
    public double Score => Submission.Score * Charge.Factor;
}
