using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Support;

/// <summary>A course with a fake clock and helpers to record submissions and drive the queue directly.</summary>
internal sealed class QueueTestBed : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private QueueTestBed(TestCourse course)
    {
        Course = course;
        _services = course.Services();
    }

    /// <summary>The services of this bed's course (one process's singletons: runner, sandbox).</summary>
    public IServiceProvider Services => _services;

    public TestCourse Course { get; }

    public FakeTimeProvider Clock => Course.Clock!;

    public QueueOptions Options => _services.GetRequiredService<QueueOptions>();

    /// <summary>
    /// A bed whose hw1 needs <paramref name="gpus"/> GPUs per run, beside hw3 that needs none, on a host without
    /// GPUs (<c>Sandbox:Gpus=none</c>).
    /// </summary>
    public static async Task<QueueTestBed> CreateAsync(int gpus = 0, string? smoke = null, string? gpuBudget = null, string timeout = "30s",
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 10, 12, 0, 0, TimeSpan.Zero));
        var course = await TestCourse.CreateAsync(clock, gpus: gpus, cpuTwin: true, smoke: smoke, gpuBudget: gpuBudget, timeout: timeout);
        course.Settings["Sandbox:Gpus"] = "none";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            course.Settings[key] = value;
        }

        return new QueueTestBed(course);
    }

    /// <summary>Records a submission of <paramref name="owner"/> (no snapshot) received now.</summary>
    public async Task<Submission> SubmitAsync(string owner, string commit, string assignment = TestCourse.Assignment)
    {
        var submission = new Submission
        {
            Id = Guid.NewGuid(),
            Assignment = assignment,
            Owner = owner,
            IsTeam = false,
            Repository = $"hw1-{owner}",
            Commit = commit,
            Source = SubmissionSource.Local,
            ReceivedAt = Clock.GetUtcNow(),
        };
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GraderDbContext>();
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        return submission;
    }

    public async Task<T> WithQueueAsync<T>(Func<JobQueue, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<JobQueue>());
    }

    public Task<(GradingJob Job, bool Created)> EnqueueAsync(Submission submission) =>
        WithQueueAsync(queue => queue.EnqueueAsync(submission, CancellationToken.None));

    /// <summary>Claims as <paramref name="worker"/> on a host with <paramref name="gpus"/> free GPUs.</summary>
    public Task<JobLease?> ClaimAsync(string worker = "w1", int gpus = 0) =>
        WithQueueAsync(queue => queue.ClaimAsync(worker, gpus, CancellationToken.None));

    public Task<bool> CompleteAsync(JobLease lease, GradingJob job) =>
        WithQueueAsync(queue => queue.CompleteAsync(lease, Result(job), CancellationToken.None));

    public GradingResult Result(GradingJob job, Verdict verdict = Verdict.Graded, long? wallMs = null) => new()
    {
        Tier = job.Tier,
        WallMs = wallMs,
        JobId = job.Id,
        SubmissionId = job.SubmissionId,
        Assignment = job.Assignment,
        Owner = job.Owner,
        Commit = job.Commit,
        Verdict = verdict,
        Score = 1,
        MaxScore = 1,
        FeedbackKey = new string('0', 64),
        RecordedAt = Clock.GetUtcNow(),
    };

    /// <summary>Runs <paramref name="action"/> with a scoped service of this bed's course.</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<GradingJob> JobAsync(Guid id) => Course.QueryAsync(db => Task.FromResult(db.Jobs.Single(j => j.Id == id)));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Course.Dispose();
    }
}
