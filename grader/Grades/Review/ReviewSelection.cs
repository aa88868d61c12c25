using Course.Grader.Grading;

namespace Course.Grader.Grades.Review;

/// <summary>
/// The queue's selection rules, on data already read: a latest result that failed a training sanity check, ended in a
/// verdict a person must look at (<see cref="VerdictsToReview"/>), failed on infrastructure, or scored as an outlier
/// (<see cref="OutlierRule"/>); and every open regrade request. An entry whose subject has a review at least as new as
/// the entry is left out.
/// </summary>
public static class ReviewSelection
{
    /// <summary>The verdicts that say the run did not go as planned and a person should see why (infrastructure failures apart).</summary>
    public static readonly IReadOnlySet<Verdict> VerdictsToReview = new HashSet<Verdict>
    {
        Verdict.TimedOut, Verdict.ProcessLimit, Verdict.RejectedOutput, Verdict.MissingOutput, Verdict.BuildError,
    };

    /// <param name="ownRecords">Each owner's latest score fractions on the course's other assignments.</param>
    /// <param name="reviewed">The newest review of each subject.</param>
    public static IReadOnlyList<ReviewEntry> Select(string assignment, IReadOnlyList<ReviewCandidate> latest,
        IReadOnlyDictionary<string, IReadOnlyList<double>> ownRecords, IReadOnlyList<OpenRegrade> regrades,
        IReadOnlyDictionary<string, DateTimeOffset> reviewed)
    {
        var entries = new List<ReviewEntry>();
        foreach (var candidate in latest)
        {
            var reasons = Reasons(candidate, latest, ownRecords);
            if (reasons.Count > 0)
            {
                entries.Add(new ReviewEntry(ReviewSubjects.Job(candidate.JobId), assignment, candidate.Owner, candidate.SubmissionId, reasons,
                    candidate.RecordedAt));
            }
        }

        entries.AddRange(regrades.Select(r => new ReviewEntry(ReviewSubjects.Regrade(r.Id), assignment, r.Team, null,
            [new ReviewReason(ReviewReason.Regrade, $"open request on {r.Item}")], r.LastStudentMessage)));
        return entries
            .Where(e => !reviewed.TryGetValue(e.Subject, out var at) || at < e.Since)
            .OrderBy(e => e.Since).ThenBy(e => e.Owner, StringComparer.Ordinal).ToList();
    }

    private static List<ReviewReason> Reasons(ReviewCandidate candidate, IReadOnlyList<ReviewCandidate> latest,
        IReadOnlyDictionary<string, IReadOnlyList<double>> ownRecords)
    {
        var reasons = candidate.FailedTrainingChecks.Select(check => new ReviewReason(ReviewReason.Training, check)).ToList();
        if (candidate.Verdict == Verdict.InfrastructureFailure)
        {
            reasons.Add(new ReviewReason(ReviewReason.Infrastructure, VerdictWording.Words(candidate.Verdict)));
        }
        else if (VerdictsToReview.Contains(candidate.Verdict))
        {
            reasons.Add(new ReviewReason(ReviewReason.Verdict, VerdictWording.Words(candidate.Verdict)));
        }
        else if (candidate is { Verdict: Verdict.Graded, Fraction: { } fraction })
        {
            var classmates = latest.Where(c => c.Owner != candidate.Owner && c.Verdict == Verdict.Graded && c.Fraction is not null)
                .Select(c => c.Fraction!.Value).ToList();
            var own = ownRecords.GetValueOrDefault(candidate.Owner) ?? [];
            reasons.AddRange(new[]
                {
                    OutlierRule.Describe(fraction, classmates, "the class"),
                    OutlierRule.Describe(fraction, own.ToList(), "this owner's other assignments"),
                }.OfType<string>().Select(detail => new ReviewReason(ReviewReason.Outlier, detail)));
        }

        return reasons;
    }
}
