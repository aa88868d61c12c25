using Course.Grader.Grading;
using Course.Grader.Intake;
using Course.Grader.Intake.Statuses;
using Course.Grader.Submissions;
using Course.Grader.Tests.Support;
using Course.Grader.Web.Api;
using Course.Grader.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Intake.Statuses;

/// <summary>Commit statuses through their durable table (a real SQLite database): set now, or kept and set later.</summary>
public sealed class CommitStatusReporterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 10, 12, 9, 0, 0, TimeSpan.Zero));
    private TestCourse _course = null!;
    private ServiceProvider _services = null!;
    private AsyncServiceScope _scope;

    public async Task InitializeAsync()
    {
        _course = await TestCourse.CreateAsync();
        _services = _course.Services();
        _scope = _services.CreateAsyncScope();
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        _course.Dispose();
    }

    private WebDbContext Db => _scope.ServiceProvider.GetRequiredService<WebDbContext>();

    [Fact]
    public async Task PublishAsync_GitHubSubmission_SetsFinalStatusOnItsCommitWithFeedbackLink()
    {
        var host = new FlakyRepositoryHost(failures: 0);
        var submission = Submission(SubmissionSource.GitHub);

        await CreateSut(host).PublishAsync(submission, Result(submission, score: 7), CancellationToken.None);

        var (repository, commit, status) = Assert.Single(host.Requests);
        Assert.Equal(("test-org/hw1-gh-ana", submission.Commit), (repository.FullName, commit));
        Assert.Equal(new CommitStatusUpdate("course/hw1", CommitState.Success, "7/10 points",
            new Uri($"https://grader.example/course/submissions/{submission.Id}")), status);
        Assert.Equal(StatusDeliveryState.Delivered, (await Db.Statuses.SingleAsync()).Delivery);
    }

    [Theory]
    [InlineData(SubmissionSource.Local)]
    [InlineData(SubmissionSource.Upload)]
    public async Task PublishAsync_SubmissionNotFromGitHub_SetsNothing(SubmissionSource source)
    {
        var host = new FlakyRepositoryHost(failures: 0);
        var submission = Submission(source);

        await CreateSut(host).PublishAsync(submission, Result(submission, score: 7), CancellationToken.None);

        Assert.Empty(host.Requests);
        Assert.Equal(0, await Db.Statuses.CountAsync());
    }

    [Fact]
    public async Task PublishAsync_HostFailsTwice_RetriesAfterTwoThenFourSecondsAndSetsStatus()
    {
        var host = new FlakyRepositoryHost(failures: 2);
        var submission = Submission(SubmissionSource.GitHub);

        var publishing = CreateSut(host).PublishAsync(submission, Result(submission, score: 7), CancellationToken.None);
        await RequestsAsync(host, 1);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await RequestsAsync(host, 2);
        _clock.Advance(TimeSpan.FromSeconds(4));
        await RequestsAsync(host, 3);
        await publishing;

        Assert.Equal(StatusDeliveries.QuickAttempts, host.Requests.Count);
        Assert.Equal(StatusDeliveryState.Delivered, (await Db.Statuses.SingleAsync()).Delivery);
    }

    [Fact]
    public async Task HostDownWhenRecorded_StatusWaitsInTheTable_ThenIsSetWhenDue()
    {
        var host = new FlakyRepositoryHost(failures: StatusDeliveries.QuickAttempts);
        var submission = Submission(SubmissionSource.GitHub);
        await PublishThroughQuickRetriesAsync(host, submission, score: 7);
        var waiting = await Db.Statuses.AsNoTracking().SingleAsync();

        var early = await Deliveries(host).RedeliverDueAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var due = await Deliveries(host).RedeliverDueAsync(CancellationToken.None);

        Assert.Equal(StatusDeliveryState.Pending, waiting.Delivery);
        Assert.Contains("502 Bad Gateway", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow(), waiting.NextAttemptAt);
        Assert.Equal((0, 1), (early, due));
        Assert.Equal(StatusDeliveries.QuickAttempts + 1, host.Requests.Count);
        Assert.Equal(CommitState.Success, host.Requests[^1].Status.State);
        var delivered = await Db.Statuses.AsNoTracking().SingleAsync();
        Assert.Equal((StatusDeliveryState.Delivered, StatusDeliveries.QuickAttempts + 1), (delivered.Delivery, delivered.Attempts));
    }

    [Fact]
    public async Task TwoStatusesOfOneCommitWaiting_OnlyTheNewerIsSet_TheOlderWouldOverwriteIt()
    {
        var host = new FlakyRepositoryHost(failures: 2 * StatusDeliveries.QuickAttempts);
        var submission = Submission(SubmissionSource.GitHub);
        await PublishThroughQuickRetriesAsync(host, submission, score: 3);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await PublishThroughQuickRetriesAsync(host, submission, score: 9);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var delivered = await Deliveries(host).RedeliverDueAsync(CancellationToken.None);

        Assert.Equal(1, delivered);
        Assert.Equal("9/10 points", host.Requests[^1].Status.Description);
        Assert.Equal(2 * StatusDeliveries.QuickAttempts + 1, host.Requests.Count);
        var states = await Db.Statuses.AsNoTracking().OrderBy(s => s.CreatedAt).Select(s => s.Delivery).ToListAsync();
        Assert.Equal([StatusDeliveryState.Superseded, StatusDeliveryState.Delivered], states);
    }

    [Fact]
    public async Task HostRefusesForADay_StatusIsGivenUpAndTheGradeStands()
    {
        var host = new FlakyRepositoryHost(failures: int.MaxValue);
        var submission = Submission(SubmissionSource.GitHub);
        await PublishThroughQuickRetriesAsync(host, submission, score: 7);

        for (var hour = 0; hour < 25; hour++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            await Deliveries(host).RedeliverDueAsync(CancellationToken.None);
        }

        var status = await Db.Statuses.AsNoTracking().SingleAsync();
        Assert.Equal(StatusDeliveryState.GaveUp, status.Delivery);
        Assert.Equal(StatusDeliveries.QuickAttempts + 24, host.Requests.Count); // one attempt an hour once the backoff reached it
    }

    /// <summary>Publishes and advances the fake clock through the quick retries (2 s, 4 s).</summary>
    private async Task PublishThroughQuickRetriesAsync(FlakyRepositoryHost host, Submission submission, int score)
    {
        var before = host.Requests.Count;
        var publishing = CreateSut(host).PublishAsync(submission, Result(submission, score), CancellationToken.None);
        await RequestsAsync(host, before + 1);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await RequestsAsync(host, before + 2);
        _clock.Advance(TimeSpan.FromSeconds(4));
        await publishing;
        Db.ChangeTracker.Clear();
    }

    private static Task RequestsAsync(FlakyRepositoryHost host, int count) =>
        Eventually.WaitAsync(() => Task.FromResult(host.Requests.Count >= count), TimeSpan.FromSeconds(10),
            () => $"{host.Requests.Count} status requests, expected {count}");

    private StatusDeliveries Deliveries(IRepositoryHost host) => new(Db, host, _clock, NullLogger<StatusDeliveries>.Instance);

    private CommitStatusReporter CreateSut(IRepositoryHost host) =>
        new(Deliveries(host), new FeedbackLinks(new Uri("https://grader.example/course/")), NullLogger<CommitStatusReporter>.Instance);

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
    };

    private static GradingResult Result(Submission submission, int score) => new()
    {
        JobId = Guid.NewGuid(),
        SubmissionId = submission.Id,
        Assignment = submission.Assignment,
        Owner = submission.Owner,
        Commit = submission.Commit,
        Verdict = Verdict.Graded,
        Score = score,
        MaxScore = 10,
        FeedbackKey = new string('0', 64),
        RecordedAt = DateTimeOffset.UnixEpoch,
    };
}
