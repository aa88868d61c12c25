using Course.Grader.Grading;
using Course.Grader.Intake;
using Course.Grader.Intake.Statuses;
using Course.Grader.Submissions;
using Course.Grader.Tests.Support;
using Course.Grader.Web.Api;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Intake.Statuses;

public sealed class CommitStatusReporterTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task PublishAsync_GitHubSubmission_SetsFinalStatusOnItsCommitWithFeedbackLink()
    {
        var host = new FlakyRepositoryHost(failures: 0);
        var submission = Submission(SubmissionSource.GitHub);

        await CreateSut(host).PublishAsync(submission, Result(submission), CancellationToken.None);

        var (repository, commit, status) = Assert.Single(host.Requests);
        Assert.Equal(("test-org/hw1-gh-ana", submission.Commit), (repository.FullName, commit));
        Assert.Equal(new CommitStatusUpdate("course/hw1", CommitState.Success, "7/10 points",
            new Uri($"https://grader.example/course/submissions/{submission.Id}")), status);
    }

    [Theory]
    [InlineData(SubmissionSource.Local)]
    [InlineData(SubmissionSource.Upload)]
    public async Task PublishAsync_SubmissionNotFromGitHub_SetsNothing(SubmissionSource source)
    {
        var host = new FlakyRepositoryHost(failures: 0);
        var submission = Submission(source);

        await CreateSut(host).PublishAsync(submission, Result(submission), CancellationToken.None);

        Assert.Empty(host.Requests);
    }

    [Fact]
    public async Task PublishAsync_HostFailsTwice_RetriesAfterTwoThenFourSecondsAndSetsStatus()
    {
        var host = new FlakyRepositoryHost(failures: 2);
        var submission = Submission(SubmissionSource.GitHub);

        var publishing = CreateSut(host).PublishAsync(submission, Result(submission), CancellationToken.None);
        Assert.Single(host.Requests);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await RequestsAsync(host, 2);
        _clock.Advance(TimeSpan.FromSeconds(4));
        await RequestsAsync(host, 3);
        await publishing;

        Assert.Equal(CommitStatusReporter.Attempts, host.Requests.Count);
    }

    [Fact]
    public async Task PublishAsync_HostKeepsFailing_GivesUpWithoutThrowing()
    {
        var host = new FlakyRepositoryHost(failures: int.MaxValue);
        var submission = Submission(SubmissionSource.GitHub);

        var publishing = CreateSut(host).PublishAsync(submission, Result(submission), CancellationToken.None);
        await AdvanceUntilDoneAsync(publishing);

        Assert.True(publishing.IsCompletedSuccessfully);
        Assert.Equal(CommitStatusReporter.Attempts, host.Requests.Count);
    }

    private async Task AdvanceUntilDoneAsync(Task publishing)
    {
        while (!publishing.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        await publishing;
    }

    private static Task RequestsAsync(FlakyRepositoryHost host, int count) =>
        Eventually.WaitAsync(() => Task.FromResult(host.Requests.Count >= count), TimeSpan.FromSeconds(10),
            () => $"{host.Requests.Count} status requests, expected {count}");

    private CommitStatusReporter CreateSut(IRepositoryHost host) =>
        new(host, new FeedbackLinks(new Uri("https://grader.example/course/")), _clock, NullLogger<CommitStatusReporter>.Instance);

    private static Submission Submission(SubmissionSource source) => new()
    {
        Id = Guid.NewGuid(),
        Assignment = "hw1",
        Owner = "ana",
        IsTeam = false,
        Repository = "test-org/hw1-gh-ana",
        Commit = "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
        Source = source,
        ReceivedAt = DateTimeOffset.UnixEpoch,
        SnapshotPath = "snapshot",
    };

    private static GradingResult Result(Submission submission) => new()
    {
        JobId = Guid.NewGuid(),
        SubmissionId = submission.Id,
        Assignment = submission.Assignment,
        Owner = submission.Owner,
        Commit = submission.Commit,
        Verdict = Verdict.Graded,
        Score = 7,
        MaxScore = 10,
        FeedbackPath = "feedback.md",
        RecordedAt = DateTimeOffset.UnixEpoch,
    };
}
