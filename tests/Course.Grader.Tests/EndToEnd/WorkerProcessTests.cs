using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Tests.EndToEnd;

/// <summary>
/// Real <c>grader worker</c> processes on the Docker engine: a worker killed with SIGKILL mid-job loses
/// nothing, two workers on a real PostgreSQL server never claim the same job, and a SIGTERM stops a worker cleanly.
/// </summary>
public sealed class WorkerProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    [Fact(Timeout = 300_000)]
    public async Task Worker_SigtermOnceItHasAdvertisedItsHost_StopsCleanlyEveryTime()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["alice"]);
        course.UseFastQueue();
        course.Settings["Sandbox:LeaseRoot"] = Path.Combine(course.Directory, "gpu-leases");
        // One try in ten ended with 143 after "stopped" while System.CommandLine handled the signal: ten tries catch that
        // two times in three.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await course.QueryAsync(async db => await db.Hosts.ExecuteDeleteAsync());
            using var worker = GraderProcess.StartWith(course, new Dictionary<string, string> { ["Sandbox:Gpus"] = "GPU-fake-0" }, "worker");
            await Eventually.WaitAsync(() => course.QueryAsync(db => db.Hosts.AnyAsync()), Patience, () => worker.Output);

            var exit = await worker.TerminateAsync(TimeSpan.FromSeconds(30));

            Assert.True(exit == 0, $"try {attempt + 1}: exit {exit}: {worker.Output}");
            Assert.Contains("stopped", worker.Output, StringComparison.Ordinal);
        }
    }

    [Fact(Timeout = 300_000)]
    public async Task Worker_KilledWithSigkillMidJob_JobRunsAgainAndIsRecordedOnce()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["alice"]);
        course.UseFastQueue(leaseSeconds: 6);
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, "hw1-alice", new Dictionary<string, string>
        {
            ["run.sh"] = "sleep 3; echo '{\"sum\": 42, \"items\": [1, 2, 3]}' > /out/result.json\n",
        });
        Assert.Equal(0, (await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos)).Exit);
        Assert.Equal(0, (await course.RunAsync("grade", TestCourse.Assignment)).Exit);
        var job = await course.QueryAsync(db => db.Jobs.SingleAsync());

        using (var doomed = GraderProcess.Start(course, "worker"))
        {
            await Eventually.WaitAsync(() => DockerEngine.IsRunningAsync($"job-{job.Id:N}-1"), Patience, () => doomed.Output);
            doomed.KillHard();
        }

        var orphaned = await course.QueryAsync(db => db.Jobs.SingleAsync());
        using var survivor = GraderProcess.Start(course, "worker");
        await Eventually.WaitAsync(async () => (await course.QueryAsync(db => db.Jobs.SingleAsync())).State is JobState.Succeeded or JobState.Failed,
            Patience, () => survivor.Output);
        var exit = await survivor.TerminateAsync(TimeSpan.FromSeconds(30));

        var finished = await course.QueryAsync(db => db.Jobs.SingleAsync());
        var results = await course.QueryAsync(db => db.Results.ToListAsync());
        Assert.Equal(JobState.Running, orphaned.State);
        Assert.Equal((JobState.Succeeded, 2), (finished.State, finished.Attempts));
        var result = Assert.Single(results);
        Assert.Equal((Verdict.Graded, 2.0), (result.Verdict, result.Score));
        Assert.Contains("attempt 2: recorded", survivor.Output);
        Assert.Equal(0, exit);
    }

    [Fact(Timeout = 300_000)]
    public async Task Workers_TwoProcessesOnPostgreSql_ClaimEveryJobOnce()
    {
        await using var postgres = await PostgresCluster.StartAsync();
        string[] students = ["ann", "ben", "cat", "dan", "eve", "fay"];
        using var course = await TestCourse.CreateAsync(connectionString: postgres.ConnectionString, deadline: "2099-01-01T00:00",
            students: students);
        // A lease long enough that a worker stalled while starting up does not lose its job to the other.
        course.UseFastQueue(leaseSeconds: 30);
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        foreach (var student in students)
        {
            GitRepos.CreateBare(repos, $"hw1-{student}", new Dictionary<string, string>
            {
                ["run.sh"] = "sleep 1; echo '{\"sum\": 42, \"items\": [1, 2, 3]}' > /out/result.json\n",
            });
        }

        Assert.Equal(0, (await course.RunAsync("images", "build", "course-busybox")).Exit);
        using var first = GraderProcess.Start(course, "worker", "--concurrency", "2");
        using var second = GraderProcess.Start(course, "worker", "--concurrency", "2");
        await Eventually.WaitAsync(() => Task.FromResult(first.Output.Contains("waiting for jobs") && second.Output.Contains("waiting for jobs")),
            Patience, () => first.Output + second.Output);
        Assert.Equal(0, (await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos)).Exit);
        Assert.Equal(0, (await course.RunAsync("grade", TestCourse.Assignment)).Exit);
        await Eventually.WaitAsync(async () => await course.QueryAsync(db => db.Jobs.CountAsync(j => j.State != JobState.Succeeded && j.State != JobState.Failed)) == 0,
            Patience, () => first.Output + second.Output);
        await first.TerminateAsync(TimeSpan.FromSeconds(30));
        await second.TerminateAsync(TimeSpan.FromSeconds(30));

        var jobs = await course.QueryAsync(db => db.Jobs.ToListAsync());
        var results = await course.QueryAsync(db => db.Results.CountAsync());
        var byFirst = Claimed(first.Lines);
        var bySecond = Claimed(second.Lines);
        Assert.Equal(students.Length, jobs.Count);
        // An infrastructure hiccup may retry a job (attempts 2), but no run may ever lose its lease to the other worker.
        Assert.True(jobs.All(j => j.State == JobState.Succeeded) && !(first.Output + second.Output).Contains(": ignored", StringComparison.Ordinal),
            $"{string.Join(", ", jobs.Select(j => $"{j.Owner}: {j.State} after {j.Attempts}"))}\n{first.Output}\n{second.Output}");
        Assert.Equal(jobs.Count, results);
        Assert.Empty(byFirst.Intersect(bySecond));
        Assert.Equal(jobs.Select(j => j.Id.ToString()).Order(), byFirst.Concat(bySecond).Order());
        Assert.NotEmpty(byFirst);
        Assert.NotEmpty(bySecond);
    }

    private static HashSet<string> Claimed(IEnumerable<string> lines) =>
        lines.Where(l => l.StartsWith("job ", StringComparison.Ordinal) && l.EndsWith(": recorded", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]).ToHashSet();
}
