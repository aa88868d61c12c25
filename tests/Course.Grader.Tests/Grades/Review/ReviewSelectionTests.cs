using Course.Grader.Grades.Review;
using Course.Grader.Grading;

namespace Course.Grader.Tests.Grades.Review;

/// <summary>The review queue's selection rules on plain data: each reason lists an entry, a graded result alone does not, reviews take entries out until something newer comes.</summary>
public sealed class ReviewSelectionTests
{
    private static readonly DateTimeOffset Noon = new(2026, 10, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<double>> NoRecords = new Dictionary<string, IReadOnlyList<double>>();

    private static readonly IReadOnlyDictionary<string, DateTimeOffset> NoReviews = new Dictionary<string, DateTimeOffset>();

    [Theory]
    [InlineData(Verdict.TimedOut, "verdict")]
    [InlineData(Verdict.ProcessLimit, "verdict")]
    [InlineData(Verdict.RejectedOutput, "verdict")]
    [InlineData(Verdict.MissingOutput, "verdict")]
    [InlineData(Verdict.BuildError, "verdict")]
    [InlineData(Verdict.InfrastructureFailure, "infrastructure")]
    public void Select_VerdictThatNeedsAPerson_ListsTheResult(Verdict verdict, string kind)
    {
        var result = Candidate("ana", verdict, 0);

        var entry = Assert.Single(ReviewSelection.Select("hw1", [result, Candidate("ben", Verdict.Graded, 1)], NoRecords, [], NoReviews));

        Assert.Equal(("ana", ReviewSubjects.Job(result.JobId), result.SubmissionId), (entry.Owner, entry.Subject, entry.SubmissionId));
        Assert.Equal(kind, Assert.Single(entry.Reasons).Kind);
        Assert.Equal(VerdictWording.Words(verdict), entry.Reasons[0].Detail);
    }

    [Fact]
    public void Select_FailedTrainingCheck_ListsEachFailedCheck()
    {
        var result = Candidate("ana", Verdict.Graded, 1, failed: ["finite: loss is NaN at step 3", "loss-decreases: it went up"]);

        var entry = Assert.Single(ReviewSelection.Select("hw1", [result], NoRecords, [], NoReviews));

        Assert.Equal(["training: finite: loss is NaN at step 3", "training: loss-decreases: it went up"], entry.Reasons.Select(r => r.ToString()));
    }

    [Fact]
    public void Select_OpenRegrade_ListedUnderTheTeamSinceTheStudentsLastMessage()
    {
        var regrade = new OpenRegrade(Guid.NewGuid(), "duo", "sum", Noon.AddHours(2));

        var entry = Assert.Single(ReviewSelection.Select("hw3", [Candidate("duo", Verdict.Graded, 1)], NoRecords, [regrade], NoReviews));

        Assert.Equal((ReviewSubjects.Regrade(regrade.Id), "duo", Noon.AddHours(2), null), (entry.Subject, entry.Owner, entry.Since, entry.SubmissionId));
        Assert.Equal("regrade: open request on sum", entry.ReasonText);
    }

    [Fact]
    public void Select_ScoreFarBelowTheClass_IsAnOutlier()
    {
        var classmates = new[] { 0.9, 0.85, 0.95, 0.9, 0.8 }.Select((f, i) => Candidate($"s{i}", Verdict.Graded, f)).ToList();

        var entry = Assert.Single(ReviewSelection.Select("hw1", [.. classmates, Candidate("ana", Verdict.Graded, 0.2)], NoRecords, [], NoReviews));

        Assert.Equal("ana", entry.Owner);
        var reason = Assert.Single(entry.Reasons);
        Assert.Equal("outlier", reason.Kind);
        Assert.StartsWith("20% is ", reason.Detail, StringComparison.Ordinal);
        Assert.Contains("standard deviations below the class (mean 88%)", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_ScoreFarFromTheOwnersOwnRecord_IsAnOutlier()
    {
        var records = new Dictionary<string, IReadOnlyList<double>> { ["ana"] = [0.3, 0.35, 0.25], ["ben"] = [0.9, 0.95, 0.85] };

        var entry = Assert.Single(ReviewSelection.Select("hw1", [Candidate("ana", Verdict.Graded, 1), Candidate("ben", Verdict.Graded, 0.9)], records, [],
            NoReviews));

        Assert.Equal("ana", entry.Owner);
        Assert.Contains("above this owner's other assignments (mean 30%)", Assert.Single(entry.Reasons).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_ClassThatScoredAlike_SmallDifferenceIsNoOutlier()
    {
        // Four identical scores have no spread: without the floor any other score would be infinitely far.
        var alike = Enumerable.Range(0, 4).Select(i => Candidate($"s{i}", Verdict.Graded, 1)).ToList();

        Assert.Empty(ReviewSelection.Select("hw1", [.. alike, Candidate("ana", Verdict.Graded, 0.95)], NoRecords, [], NoReviews));
        Assert.Single(ReviewSelection.Select("hw1", [.. alike, Candidate("ana", Verdict.Graded, 0.85)], NoRecords, [], NoReviews));
    }

    [Fact]
    public void Select_FewerThanThreeScoresToCompareWith_NoOutlier()
    {
        var records = new Dictionary<string, IReadOnlyList<double>> { ["ana"] = [0.1, 0.1] };

        Assert.Empty(ReviewSelection.Select("hw1", [Candidate("ana", Verdict.Graded, 1), Candidate("ben", Verdict.Graded, 0)], records, [], NoReviews));
    }

    [Fact]
    public void Select_ReviewedEntries_AreGoneUntilSomethingNewerComes()
    {
        var timedOut = Candidate("ana", Verdict.TimedOut, 0);
        var regrade = new OpenRegrade(Guid.NewGuid(), "ben", "sum", Noon);
        var reviewed = new Dictionary<string, DateTimeOffset>
        {
            [ReviewSubjects.Job(timedOut.JobId)] = Noon.AddMinutes(5),
            [ReviewSubjects.Regrade(regrade.Id)] = Noon.AddMinutes(5),
        };

        var after = ReviewSelection.Select("hw1", [timedOut], NoRecords, [regrade], reviewed);
        var rerunTimedOutAgain = ReviewSelection.Select("hw1", [timedOut with { RecordedAt = Noon.AddHours(1) }], NoRecords, [], reviewed);
        var studentWroteAgain = ReviewSelection.Select("hw1", [], NoRecords, [regrade with { LastStudentMessage = Noon.AddHours(1) }], reviewed);

        Assert.Empty(after);
        Assert.Equal("ana", Assert.Single(rerunTimedOutAgain).Owner);
        Assert.Equal("ben", Assert.Single(studentWroteAgain).Owner);
    }

    [Fact]
    public void Select_GradedResultsAndOtherVerdicts_AreNotListed()
    {
        var results = new[] { Verdict.Graded, Verdict.NonZeroExit, Verdict.OutOfMemory }.Select((v, i) => Candidate($"s{i}", v, 1)).ToList();

        Assert.Empty(ReviewSelection.Select("hw1", results, NoRecords, [], NoReviews));
    }

    private static ReviewCandidate Candidate(string owner, Verdict verdict, double fraction, IReadOnlyList<string>? failed = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), owner, verdict, fraction, Noon, failed ?? []);
}
