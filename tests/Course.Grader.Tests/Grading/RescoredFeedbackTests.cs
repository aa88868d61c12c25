using Course.Grader.Grading;
using Course.Grader.Submissions;

namespace Course.Grader.Tests.Grading;

/// <summary>The report of a rescored result: the rescore's verdict, score, late line and checks replace the run's, the rest stays.</summary>
public sealed class RescoredFeedbackTests
{
    private static readonly Submission Submission = new()
    {
        Id = Guid.NewGuid(),
        Assignment = "hw1",
        Owner = "alice",
        IsTeam = false,
        Repository = "hw1-alice",
        Commit = "0123abcdef0123abcdef0123abcdef0123abcdef",
        Source = SubmissionSource.Local,
        ReceivedAt = new DateTimeOffset(2026, 10, 13, 12, 0, 0, TimeSpan.Zero),
        IntakeNotes = "notes.pdf: larger than 1 MiB",
    };

    [Fact]
    public void Rewrite_LateRuleAndReferenceChanged_SummaryAndChecksAreTheRescoresAndTheRestStays()
    {
        // Graded 1 day late at 25%: 2 of 3 points x 0.75 = 1.5; rescored with a new reference and 2 days late at 50%: 1 of 3 x 0.5 = 0.5.
        var report = FeedbackReport.Render(new FeedbackContent(Submission, Verdict.Graded)
        {
            Checks = [new CheckResult("sum", 2, 2, null), new CheckResult("items", 0, 1, "expected 3 got 4")],
            RawScore = 2,
            Score = 1.5,
            MaxScore = 3,
            LateDays = 1,
        });

        var rewritten = RescoredFeedback.Rewrite(report, Result(2, 1.5, 3, 1), Result(1, 0.5, 3, 2),
            [new CheckResult("sum", 0, 2, "expected 43 got 42"), new CheckResult("items", 1, 1, null)], "reference output result.json changed");

        Assert.Equal(report
            .Replace("- Score: **1.5 / 3**\n- Late: 1 day(s) after the deadline and grace; score before the penalty 2\n",
                "- Score: **0.5 / 3**\n- Late: 2 day(s) after the deadline and grace; score before the penalty 1\n"
                + "- Rescored: reference output result.json changed; before: Graded, 1.5 / 3\n", StringComparison.Ordinal)
            .Replace("| sum | 2 / 2 | passed |\n| items | 0 / 1 | expected 3 got 4 |\n",
                "| sum | 0 / 2 | expected 43 got 42 |\n| items | 1 / 1 | passed |\n", StringComparison.Ordinal), rewritten);
        Assert.Contains("## Not included from your repository", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_NoLongerLate_LateLineGone()
    {
        var report = FeedbackReport.Render(new FeedbackContent(Submission, Verdict.Graded) { RawScore = 2, Score = 1.5, MaxScore = 2, LateDays = 1 });

        var rewritten = RescoredFeedback.Rewrite(report, Result(2, 1.5, 2, 1), Result(2, 2, 2, 0), [], "deadline moved");

        Assert.Contains("- Score: **2 / 2**\n- Rescored: deadline moved; before: Graded, 1.5 / 2\n", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("- Late:", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_ReportWithoutSummary_RescoreAddedAtTheEnd()
    {
        var rewritten = RescoredFeedback.Rewrite("# hw1\n\nAn old report.\n", Result(0, 0, 2, 0), Result(2, 2, 2, 0), [],
            "reference output result.json changed");

        Assert.Equal("# hw1\n\nAn old report.\n\n## Rescored\n\n- Verdict: **Graded**\n- Score: **2 / 2**\n"
                     + "- Rescored: reference output result.json changed; before: Graded, 0 / 2\n", rewritten);
    }

    private static GradingResult Result(double raw, double score, double max, int lateDays) => new()
    {
        JobId = Guid.NewGuid(),
        SubmissionId = Submission.Id,
        Assignment = "hw1",
        Owner = "alice",
        Commit = Submission.Commit,
        Verdict = Verdict.Graded,
        RawScore = raw,
        Score = score,
        MaxScore = max,
        LateDays = lateDays,
        RecordedAt = DateTimeOffset.UnixEpoch,
    };
}
