using Course.Assignments.Model;
using Course.Grader.Grading;

namespace Course.Grader.Tests.Grading;

public sealed class CountingResultTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 10, 12, 23, 59, 0, TimeSpan.Zero);
    private static readonly LatePolicySpec Policy = new() { PenaltyPerDay = 0.1, MaxLateDays = 3, GraceHours = 1 };

    private static GradedSubmission At(double hoursFromDeadline, double score, Verdict verdict = Verdict.Graded) =>
        new(Guid.NewGuid(), $"c{hoursFromDeadline}", Deadline.AddHours(hoursFromDeadline), score, verdict);

    [Fact]
    public void Choose_LastWithOnTimeAndLate_NewestOnTimeCounts()
    {
        var onTime = At(0.5, 3);
        var graded = new[] { At(-5, 10), onTime, At(30, 10) };

        var chosen = CountingResult.Choose(graded, SubmissionChoice.Last, Deadline, Policy, TimeZoneInfo.Utc, lateDaysLeft: 0);

        Assert.Equal(onTime, chosen?.Submission);
    }

    [Fact]
    public void Choose_LastWithOnlyLate_NewestLateCounts()
    {
        var newest = At(40, 5);

        var chosen = CountingResult.Choose([At(30, 10), newest], SubmissionChoice.Last, Deadline, Policy, TimeZoneInfo.Utc, lateDaysLeft: 0);

        Assert.Equal(newest, chosen?.Submission);
    }

    [Fact]
    public void Choose_Best_HighestScoreEarliestOnTie()
    {
        var best = At(-3, 8);

        var chosen = CountingResult.Choose([At(-5, 2), best, At(-1, 8), At(30, 7.9)], SubmissionChoice.Best, Deadline, Policy, TimeZoneInfo.Utc, lateDaysLeft: 0);

        Assert.Equal(best, chosen?.Submission);
    }

    [Fact]
    public void Choose_InfrastructureFailures_NeverCount()
    {
        var real = At(-5, 1);

        var chosen = CountingResult.Choose([real, At(-1, 0, Verdict.InfrastructureFailure)], SubmissionChoice.Last, Deadline, Policy, TimeZoneInfo.Utc, lateDaysLeft: 0);

        Assert.Equal(real, chosen?.Submission);
    }
}
