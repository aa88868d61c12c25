using System.Globalization;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Queue;

/// <summary>
/// A worker runs at most <c>--concurrency</c> containers at once, and records a finished run while the next one's
/// container runs, so short jobs do not wait on the bookkeeping of the one before.
/// </summary>
public sealed class ContainerTurnTests
{
    [Fact(Timeout = 240_000)]
    public async Task Worker_ConcurrencyOne_NextContainerRunsWhileTheFirstRunIsRecordedAndNeverTwoAtOnce()
    {
        using var course = await TestCourse.CreateAsync();
        // Each run prints when its command started and ended (the host kernel's uptime, which containers share), and passes.
        const string Now = "cut -d' ' -f1 /proc/uptime\n";
        var script = Now + "sleep 0.5\n" + SnapshotSubmissions.Writing("42") + Now;
        foreach (var owner in new[] { "alice", "bob", "carol" })
        {
            await SnapshotSubmissions.SubmitAsync(course, owner, DateTimeOffset.UnixEpoch, script);
        }

        Assert.Equal(0, (await course.RunAsync("grade", TestCourse.Assignment)).Exit);
        var firstRecording = new FirstPublishWaitsForAnotherResult(course);
        await using var services = course.Services(s => s.AddSingleton<IResultPublisher>(firstRecording));
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        await services.GetRequiredService<QueueWorker>().RunAsync(1, null, _ => Task.FromResult(true), limit.Token);

        var results = await course.QueryAsync(db => db.Results.AsNoTracking().ToListAsync());
        Assert.Equal(3, results.Count(r => r.Verdict == Verdict.Graded && r.Score == 2));
        Assert.True(firstRecording.SawAnotherResult, "the second job was not run while the first was still being recorded");
        var runs = results.Select(r => r.StdoutTail.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => decimal.Parse(line, CultureInfo.InvariantCulture)).ToArray())
            .OrderBy(run => run[0]).ToList();
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i][0] >= runs[i - 1][1], $"run {i + 1} started before run {i} ended: two containers at once");
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Worker_OneSlotFindsTheQueueIdle_EverySlotStopsAlsoOneWaitingOnAClockThatNeverMoves()
    {
        await using var bed = await QueueTestBed.CreateAsync();
        var asked = 0;
        // The first slot to find no job is told to wait (its poll is on the fake clock, which nobody advances); the next one is told all is done.
        Task<bool> UntilIdle(CancellationToken _) => Task.FromResult(Interlocked.Increment(ref asked) > 1);

        await bed.Services.GetRequiredService<QueueWorker>().RunAsync(2, null, UntilIdle, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(asked >= 2);
    }

    [Fact]
    public async Task TakeAsync_AllTurnsHeld_WaitsUntilOneEndsAndEndingTwiceGivesOneBack()
    {
        using var turns = new ContainerTurns(1);
        var first = await turns.TakeAsync(CancellationToken.None);

        var second = turns.TakeAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        first.End();
        first.Dispose();
        var held = await second;
        var third = turns.TakeAsync(CancellationToken.None);
        await Task.Delay(50);

        Assert.False(third.IsCompleted);
        held.Dispose();
        (await third).Dispose();
    }

    /// <summary>Holds the first result it is given until another job's result is recorded (or 60 s pass).</summary>
    private sealed class FirstPublishWaitsForAnotherResult(TestCourse course) : IResultPublisher
    {
        private int _calls;

        public bool SawAnotherResult { get; private set; }

        public async Task PublishAsync(Submission submission, GradingResult result, CancellationToken cancellation)
        {
            if (Interlocked.Increment(ref _calls) != 1)
            {
                return;
            }

            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (await course.CountAsync<GradingResult>() >= 2)
                {
                    SawAnotherResult = true;
                    return;
                }

                await Task.Delay(50, cancellation);
            }
        }
    }
}
