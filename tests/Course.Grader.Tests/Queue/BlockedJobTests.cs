using System.Text.Json;
using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Queue;

/// <summary>Jobs of an assignment the course has not set up wait blocked instead of spending their retries.</summary>
public sealed class BlockedJobTests
{
    [Fact]
    public async Task ReleaseReadyAsync_BlockedUntilReferenceExists_QueuedOnceThenClaimedAsFirstAttempt()
    {
        await using var bed = await QueueTestBed.CreateAsync();
        var reference = Path.Combine(bed.Course.Directory, ".calibration", TestCourse.Assignment, "reference", "out", "result.json");
        var kept = await File.ReadAllTextAsync(reference);
        File.Delete(reference);
        var (job, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a0"));
        var lease = (await bed.ClaimAsync())!;
        using var scope = bed.Services.CreateScope();
        var problem = scope.ServiceProvider.GetRequiredService<CourseSetup>().Problem(TestCourse.Assignment);

        Assert.True(await bed.WithQueueAsync(q => q.BlockAsync(lease, problem!, CancellationToken.None)));
        Assert.Equal(0, await ReleaseAsync(bed));
        Assert.Null(await bed.ClaimAsync());
        var blocked = await bed.JobAsync(job.Id);
        await File.WriteAllTextAsync(reference, kept);
        var released = await ReleaseAsync(bed);
        var again = await bed.ClaimAsync();

        Assert.Equal((JobState.Blocked, 0), (blocked.State, blocked.Attempts));
        Assert.Contains("not calibrated", blocked.LastError);
        Assert.Equal(1, released);
        Assert.Equal((job.Id, 1), (again?.JobId, again?.Attempt));
    }

    [Fact(Timeout = 180_000)]
    public async Task GradeWait_UncalibratedAssignment_BlockedPromptlyThenGradedOnceAfterCalibration()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["alice"]);
        course.UseFastQueue();
        var reference = Path.Combine(course.Directory, ".calibration", TestCourse.Assignment, "reference", "out", "result.json");
        var kept = await File.ReadAllTextAsync(reference);
        File.Delete(reference);
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, "hw1-alice", new Dictionary<string, string>
        {
            ["run.sh"] = "echo '{\"sum\": 42, \"items\": [1, 2, 3]}' > /out/result.json\n",
        });
        Assert.Equal(0, (await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos)).Exit);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        var (exit, output, error) = await course.RunAsync("grade", TestCourse.Assignment, "--wait", "--json");
        waited.Stop();
        var listed = await course.RunAsync("jobs", "--state", "blocked", "--json");

        Assert.True(exit == ExitCodes.Blocked, $"exit {exit}: {error}");
        Assert.Contains("1 job(s) blocked: 'hw1' is not calibrated", error);
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"grade --wait took {waited.Elapsed}");
        var row = JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray().Single();
        Assert.Equal(("blocked", 0), (row.GetProperty("state").GetString(), row.GetProperty("attempts").GetInt32()));
        Assert.Contains("run grader calibrate hw1", JsonSerializer.Deserialize<JsonElement>(listed.Out).EnumerateArray().Single().GetProperty("lastError").GetString());
        Assert.Equal(0, await course.CountAsync<GradingResult>());

        await File.WriteAllTextAsync(reference, kept);
        var (rerunExit, rerun, rerunError) = await course.RunAsync("grade", TestCourse.Assignment, "--wait", "--json");

        Assert.True(rerunExit == 0, $"exit {rerunExit}: {rerunError}");
        var graded = JsonSerializer.Deserialize<JsonElement>(rerun).EnumerateArray().Single();
        Assert.Equal(("succeeded", 1, 2.0), (graded.GetProperty("state").GetString(), graded.GetProperty("attempts").GetInt32(),
            graded.GetProperty("score").GetDouble()));
        Assert.Equal(1, await course.CountAsync<GradingResult>());
    }

    private static async Task<int> ReleaseAsync(QueueTestBed bed)
    {
        await using var scope = bed.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BlockedJobs>().ReleaseReadyAsync(CancellationToken.None);
    }
}
