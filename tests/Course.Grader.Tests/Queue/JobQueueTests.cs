using Course.Core.Database;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Tests.Queue;

public sealed class JobQueueTests
{
    [Fact]
    public async Task EnqueueAsync_SameSubmissionTwice_OneJob()
    {
        await using var bed = await QueueTestBed.CreateAsync();
        var submission = await bed.SubmitAsync("alice", "c1");

        var first = await bed.EnqueueAsync(submission);
        var second = await bed.EnqueueAsync(submission);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Job.Id, second.Job.Id);
        Assert.Equal(1, await bed.Course.CountAsync<GradingJob>());
    }

    [Fact]
    public async Task CompleteAsync_SecondCompletionOfSameRun_RecordedOnce()
    {
        await using var bed = await QueueTestBed.CreateAsync();
        var (job, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "c1"));
        var lease = (await bed.ClaimAsync())!;

        var first = await bed.CompleteAsync(lease, job);
        var second = await bed.CompleteAsync(lease, job);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(1, await bed.Course.CountAsync<GradingResult>());
        Assert.Equal(JobState.Succeeded, (await bed.JobAsync(job.Id)).State);
    }

    [Fact]
    public async Task ClaimAsync_OneStudentPushedMany_EveryStudentsFirstJobComesFirst()
    {
        await using var bed = await QueueTestBed.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await bed.EnqueueAsync(await bed.SubmitAsync("alice", $"a{i}"));
            bed.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await bed.EnqueueAsync(await bed.SubmitAsync("bob", "b0"));
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        await bed.EnqueueAsync(await bed.SubmitAsync("carol", "c0"));

        var owners = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var lease = (await bed.ClaimAsync($"w{i}"))!;
            owners.Add((await bed.JobAsync(lease.JobId)).Owner);
        }

        Assert.Equal(["alice", "bob", "carol", "alice"], owners);
    }

    [Fact]
    public async Task ClaimAsync_TwoWorkers_NeverTheSameJob()
    {
        await using var bed = await QueueTestBed.CreateAsync();
        await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a0"));

        var first = await bed.ClaimAsync("w1");
        var second = await bed.ClaimAsync("w2");

        Assert.NotNull(first);
        Assert.Null(second);
    }

    [Fact]
    public async Task ClaimAsync_LeaseExpired_JobReclaimedAndOldLeaseCannotComplete()
    {
        await using var bed = await QueueTestBed.CreateAsync();
        var (job, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a0"));
        var dead = (await bed.ClaimAsync("killed"))!;
        Assert.Null(await bed.ClaimAsync("w2"));

        bed.Clock.Advance(bed.Options.Lease + TimeSpan.FromSeconds(1));
        var reclaimed = (await bed.ClaimAsync("w2"))!;
        var late = await bed.CompleteAsync(dead, job);
        var current = await bed.CompleteAsync(reclaimed, job);

        Assert.Equal(job.Id, reclaimed.JobId);
        Assert.Equal(2, reclaimed.Attempt);
        Assert.False(late);
        Assert.True(current);
        Assert.Equal(1, await bed.Course.CountAsync<GradingResult>());
    }

    [Fact]
    public async Task HeartbeatAsync_BeforeLeaseEnds_KeepsTheJob()
    {
        await using var bed = await QueueTestBed.CreateAsync();
        await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a0"));
        var lease = (await bed.ClaimAsync("w1"))!;

        bed.Clock.Advance(bed.Options.Lease * 0.75);
        var renewed = await bed.WithQueueAsync(q => q.HeartbeatAsync(lease, CancellationToken.None));
        bed.Clock.Advance(bed.Options.Lease * 0.75);

        Assert.True(renewed);
        Assert.Null(await bed.ClaimAsync("w2"));
    }

    [Fact]
    public async Task FailInfrastructureAsync_BeforeBackoffElapses_NotClaimedThenRetried()
    {
        await using var bed = await QueueTestBed.CreateAsync();
        var (job, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a0"));
        var lease = (await bed.ClaimAsync())!;

        var state = await bed.WithQueueAsync(q => q.FailInfrastructureAsync(lease, "engine down", () => Task.FromResult(bed.Result(job)), CancellationToken.None));
        var tooEarly = await bed.ClaimAsync();
        bed.Clock.Advance(bed.Options.BackoffAfter(1) - TimeSpan.FromMilliseconds(1));
        var stillEarly = await bed.ClaimAsync();
        bed.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var retried = await bed.ClaimAsync();

        Assert.Equal(JobState.Retrying, state);
        Assert.Null(tooEarly);
        Assert.Null(stillEarly);
        Assert.Equal(2, retried!.Attempt);
        Assert.Equal(0, await bed.Course.CountAsync<GradingResult>());
    }

    [Fact]
    public async Task FailInfrastructureAsync_LastAttempt_FailsWithInfrastructureVerdict()
    {
        await using var bed = await QueueTestBed.CreateAsync();
        var (job, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a0"));
        JobState? state = null;
        for (var attempt = 1; attempt <= bed.Options.MaxAttempts; attempt++)
        {
            var lease = (await bed.ClaimAsync())!;
            state = await bed.WithQueueAsync(q => q.FailInfrastructureAsync(lease, "image missing",
                () => Task.FromResult(bed.Result(job, Verdict.InfrastructureFailure)), CancellationToken.None));
            bed.Clock.Advance(bed.Options.BackoffMax);
        }

        Assert.Equal(JobState.Failed, state);
        Assert.Null(await bed.ClaimAsync());
        var result = await bed.Course.QueryAsync(db => Task.FromResult(db.Results.Single()));
        Assert.Equal(Verdict.InfrastructureFailure, result.Verdict);
    }

    [Fact]
    public async Task ReleaseAsync_OnShutdown_JobDueAtOnceAndAttemptNotCounted()
    {
        await using var bed = await QueueTestBed.CreateAsync();
        var (job, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a0"));
        var lease = (await bed.ClaimAsync("w1"))!;

        var released = await bed.WithQueueAsync(q => q.ReleaseAsync(lease, CancellationToken.None));
        var again = await bed.ClaimAsync("w2");

        Assert.True(released);
        Assert.Equal(1, again!.Attempt);
        Assert.Equal(job.Id, again.JobId);
    }

    [Fact]
    public async Task ClaimStatement_SmokeRunCheckOfEachWaitingJob_SeeksItsOwnersJobsInsteadOfScanningTheQueue()
    {
        await using var bed = await QueueTestBed.CreateAsync();

        var plan = await bed.Course.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + ClaimStatement.For(DatabaseProvider.Sqlite);
            foreach (var name in new[] { "worker", "now", "until", "gpus", "host" })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = 0;
                command.Parameters.Add(parameter);
            }

            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }

            return lines;
        });

        // Without an index led by the owner, each waiting job's check read every unfinished job: a claim cost grew with the queue squared.
        Assert.Contains(plan, line => line.StartsWith("SEARCH s USING COVERING INDEX IX_grader_jobs_Owner_Tier_State (Owner=?", StringComparison.Ordinal));
    }
}
