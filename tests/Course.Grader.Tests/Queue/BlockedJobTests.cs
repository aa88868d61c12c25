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
        await bed.Course.DropCalibrationAsync();
        var (job, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a0"));
        var lease = (await bed.ClaimAsync())!;
        using var scope = bed.Services.CreateScope();
        var problem = await scope.ServiceProvider.GetRequiredService<CourseSetup>().ProblemAsync(TestCourse.Assignment, CancellationToken.None);

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

    [Fact(Timeout = 240_000)]
    public async Task GradeWait_UncalibratedAssignment_BlockedPromptlyThenCalibrateQueuesItToRunOnce()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["alice"]);
        course.UseFastQueue();
        Directory.Delete(Path.Combine(course.Directory, ".calibration"), recursive: true);
        await course.DropCalibrationAsync();
        foreach (var (role, sum) in new[] { ("reference", "42"), ("baseline", "0") })
        {
            Directory.CreateDirectory(Path.Combine(course.Directory, role));
            await File.WriteAllTextAsync(Path.Combine(course.Directory, role, "run.sh"), $"echo '{{\"sum\": {sum}, \"items\": [1, 2, 3]}}' > /out/result.json\n");
        }

        var json = await File.ReadAllTextAsync(course.CourseFile);
        await File.WriteAllTextAsync(course.CourseFile,
            json.Replace("\"tests\": {", "\"reference\": \"reference\", \"baseline\": \"baseline\", \"tests\": {", StringComparison.Ordinal));
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

        var calibrated = await course.RunAsync("calibrate", TestCourse.Assignment);
        var queued = await course.RunAsync("jobs", "--state", "queued", "--json");

        Assert.True(calibrated.Exit == 0, $"calibrate: {calibrated.Error}\n{calibrated.Out}");
        Assert.Contains("1 blocked job(s) queued again", calibrated.Error);
        Assert.Single(JsonSerializer.Deserialize<JsonElement>(queued.Out).EnumerateArray());

        var (gradedExit, graded, gradedError) = await course.RunAsync("grade", TestCourse.Assignment, "--wait", "--json");

        Assert.True(gradedExit == 0, $"exit {gradedExit}: {gradedError}");
        var result = JsonSerializer.Deserialize<JsonElement>(graded).EnumerateArray().Single();
        Assert.Equal(("succeeded", 1, 2.0), (result.GetProperty("state").GetString(), result.GetProperty("attempts").GetInt32(),
            result.GetProperty("score").GetDouble()));
        Assert.Equal(1, await course.CountAsync<GradingResult>());
    }

    [Fact]
    public async Task GradeWait_ImageThatCannotBeBuiltHere_BlockedNamingTheMissingSetting()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["alice"]);
        course.UseFastQueue();
        var json = await File.ReadAllTextAsync(course.CourseFile);
        await File.WriteAllTextAsync(course.CourseFile, json.Replace("\"image\": \"course-busybox\"", "\"image\": \"course-python-cuda\"", StringComparison.Ordinal));
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, "hw1-alice", new Dictionary<string, string> { ["run.sh"] = "true\n" });
        Assert.Equal(0, (await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos)).Exit);

        var (exit, output, error) = await course.RunAsync("grade", TestCourse.Assignment, "--wait", "--json");

        Assert.True(exit == ExitCodes.Blocked, $"exit {exit}: {error}");
        Assert.Contains("1 job(s) blocked: 'hw1' cannot run here: image 'course-python-cuda' needs", error);
        var row = JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray().Single();
        Assert.Equal(("blocked", 0), (row.GetProperty("state").GetString(), row.GetProperty("attempts").GetInt32()));
        Assert.Contains("Sandbox__", row.GetProperty("lastError").GetString());
    }

    private static async Task<int> ReleaseAsync(QueueTestBed bed)
    {
        await using var scope = bed.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BlockedJobs>().ReleaseReadyAsync(CancellationToken.None);
    }
}
