using Course.Grader.Grading;
using Course.Grader.Intake;
using Course.Grader.Intake.Statuses;

namespace Course.Grader.Tests.Intake.Statuses;

public sealed class GradingStatusTests
{
    private static readonly Uri Feedback = new("https://grader.example/submissions/1");

    [Fact]
    public void For_GradedLate_SuccessWithScoreAndLateDaysInAssignmentContext()
    {
        var status = GradingStatus.For(Result(Verdict.Graded, score: 5.25, max: 10, lateDays: 2), Feedback);

        Assert.Equal(new CommitStatusUpdate("course/hw1", CommitState.Success, "5.25/10 points, 2 late days", Feedback), status);
    }

    [Fact]
    public void For_TimedOut_FailureWithScoreAndWhatWentWrong()
    {
        var status = GradingStatus.For(Result(Verdict.TimedOut, score: 0, max: 10, lateDays: 1), null);

        Assert.Equal(CommitState.Failure, status.State);
        Assert.Equal("0/10 points, 1 late day: stopped at the time limit", status.Description);
        Assert.Null(status.FeedbackUrl);
    }

    [Fact]
    public void For_InfrastructureFailure_ErrorSayingItDoesNotCount()
    {
        var status = GradingStatus.For(Result(Verdict.InfrastructureFailure, score: 0, max: 0, lateDays: 0), Feedback);

        Assert.Equal(CommitState.Error, status.State);
        Assert.Contains("not your code", status.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("points", status.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Verdict.Graded)]
    [InlineData(Verdict.NonZeroExit)]
    [InlineData(Verdict.OutOfMemory)]
    [InlineData(Verdict.RejectedOutput)]
    [InlineData(Verdict.InvalidOutput)]
    [InlineData(Verdict.MissingOutput)]
    [InlineData(Verdict.InfrastructureFailure)]
    public void For_AnyVerdictWithLongNumbers_FitsGitHubsDescriptionLimit(Verdict verdict)
    {
        var status = GradingStatus.For(Result(verdict, score: 123456789.123, max: 987654321.987, lateDays: int.MaxValue), null);

        Assert.InRange(status.Description.Length, 1, 140);
    }

    [Theory]
    [InlineData(Verdict.Graded)]
    [InlineData(Verdict.NonZeroExit)]
    [InlineData(Verdict.RejectedOutput)]
    [InlineData(Verdict.InvalidOutput)]
    public void For_ResultWithHostileLogsAndOutputs_DescriptionCarriesNoneOfIt(Verdict verdict)
    {
        const string hostile = "x\n# Score: 100\r\nVerdict: passed";
        var result = Result(verdict, score: 1, max: 2, lateDays: 0, studentText: hostile);

        var status = GradingStatus.For(result, Feedback);

        Assert.DoesNotContain("Score: 100", status.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(status.Description, c => char.IsControl(c));
    }

    private static GradingResult Result(Verdict verdict, double score, double max, int lateDays, string studentText = "") => new()
    {
        JobId = Guid.NewGuid(),
        SubmissionId = Guid.NewGuid(),
        Assignment = "hw1",
        Owner = "ana",
        Commit = "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
        Verdict = verdict,
        Score = score,
        MaxScore = max,
        LateDays = lateDays,
        StdoutTail = studentText,
        StderrTail = studentText,
        SandboxResultJson = studentText,
        FeedbackKey = new string('0', 64),
        RecordedAt = DateTimeOffset.UnixEpoch,
    };
}
