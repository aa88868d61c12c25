using System.Text.Json;
using Course.Grader.Tests.Queue;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Tests.EndToEnd;

/// <summary>
/// Needs the Docker engine: smoke runs of an assignment with a smoke section, in the busybox sandbox. One passes (a
/// well-formed metrics line and the checked output); one writes no metrics log and fails, which ends its commit's
/// queued full run unrun, so no full run is spent on it.
/// </summary>
public sealed class SmokeRunTests
{
    [Fact(Timeout = 180_000)]
    public async Task GradeSmokeWait_OnePassesOneFails_FailedSmokeEndsItsFullRunUnrun()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", smoke: FairComputeTests.Smoke, students: ["alice", "bob"]);
        course.UseFastQueue();
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, "hw1-alice", new Dictionary<string, string>
        {
            ["smoke.sh"] = "echo '{\"step\": 1, \"loss\": 2.3}' > /out/metrics.jsonl; echo '{\"sum\": 1}' > /out/result.json; echo smoke ok\n",
        });
        GitRepos.CreateBare(repos, "hw1-bob", new Dictionary<string, string>
        {
            ["smoke.sh"] = "echo '{\"sum\": 1}' > /out/result.json\n",
        });
        Assert.Equal(0, (await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos)).Exit);
        Assert.Equal(0, (await course.RunAsync("grade", TestCourse.Assignment, "--student", "bob")).Exit);

        var (exit, output, error) = await course.RunAsync("grade", TestCourse.Assignment, "--smoke", "--wait", "--concurrency", "2", "--json");

        Assert.True(exit == 0, error);
        var rows = JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray().ToDictionary(r => r.GetProperty("owner").GetString()!);
        Assert.Equal(("smoke", "graded"), (rows["alice"].GetProperty("tier").GetString(), rows["alice"].GetProperty("verdict").GetString()));
        Assert.Equal(("smoke", "missingOutput"), (rows["bob"].GetProperty("tier").GetString(), rows["bob"].GetProperty("verdict").GetString()));
        var alice = await course.StoredTextAsync(rows["alice"].GetProperty("feedback").GetString());
        var bob = await course.StoredTextAsync(rows["bob"].GetProperty("feedback").GetString());
        Assert.Contains("# hw1 smoke run: alice", alice);
        Assert.Contains("The smoke run passed; it is not graded.", alice);
        Assert.Contains("metrics.jsonl was not written to /out", bob);
        var full = await course.QueryAsync(db => db.Jobs.SingleAsync(j => j.Owner == "bob" && j.Tier == Course.Grader.Queue.JobTier.Full));
        Assert.Equal(Course.Grader.Queue.JobState.Failed, full.State);
        Assert.Equal(0, full.Attempts);
        Assert.StartsWith("not run: the smoke run of this commit failed (an expected output is missing)", full.LastError);
        Assert.False(await course.QueryAsync(db => db.Results.AnyAsync(r => r.JobId == full.Id)));
    }
}
