using System.Text.Json;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Tests.Queue;

/// <summary>Needs the Docker engine: jobs run again after an infrastructure failure or a changed test input.</summary>
public sealed class JobRerunTests
{
    [Fact(Timeout = 240_000)]
    public async Task JobsRerun_InfrastructureFailureAndChangedTestInput_EachRunsOnceWithoutDuplicateResults()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["alice", "bob"]);
        course.UseFastQueue();
        course.Settings["Queue:MaxAttempts"] = "1";
        var inputs = Path.Combine(course.Directory, "inputs");
        Directory.CreateDirectory(inputs);
        await File.WriteAllTextAsync(Path.Combine(inputs, "n.txt"), "42");
        var json = await File.ReadAllTextAsync(course.CourseFile);
        await File.WriteAllTextAsync(course.CourseFile, json.Replace("\"tests\": {", "\"tests\": { \"inputs\": \"inputs\",", StringComparison.Ordinal));
        var now = new DateTimeOffset(2026, 10, 10, 12, 0, 0, TimeSpan.Zero);
        // alice's snapshot is not in the store yet: an infrastructure failure.
        await SnapshotSubmissions.SubmitAsync(course, "alice", now, null);
        await SnapshotSubmissions.SubmitAsync(course, "bob", now, "echo \"{\\\"sum\\\": $(cat /data/inputs/n.txt), \\\"items\\\": [1, 2, 3]}\" > /out/result.json\n");
        await GradeAsync(course);
        Assert.Equal([("alice", Verdict.InfrastructureFailure, 0.0), ("bob", Verdict.Graded, 2.0)], await ResultsAsync(course));

        await SnapshotSubmissions.StoreAsync(course, "alice", SnapshotSubmissions.Writing("42"));
        await File.WriteAllTextAsync(Path.Combine(inputs, "n.txt"), "43");
        var infrastructure = await RerunAsync(course, "--failed-infrastructure");
        var changed = await RerunAsync(course);
        var repeated = await RerunAsync(course);

        Assert.Equal(["alice: the infrastructure failed on every attempt"], infrastructure);
        Assert.Equal(["bob: test input n.txt changed"], changed);
        Assert.Empty(repeated);

        await GradeAsync(course);
        var afterRun = await RerunAsync(course);
        var (exit, draft, error) = await course.RunAsync("grades", "rescore", "hw1", "--json");

        // alice's failure gave way to her grade; bob's published grade stands until staff publish his re-run (43 != 42: 0 points).
        Assert.Equal([("alice", Verdict.Graded, 2.0), ("bob", Verdict.Graded, 2.0)], await ResultsAsync(course));
        Assert.Empty(afterRun);
        Assert.True(exit == 0, error);
        var line = JsonSerializer.Deserialize<JsonElement>(draft).EnumerateArray().Single();
        Assert.Equal(("bob", "rerun", 2.0, 0.0, "test input n.txt changed"), (line.GetProperty("owner").GetString(), line.GetProperty("kind").GetString(),
            line.GetProperty("oldScore").GetDouble(), line.GetProperty("newScore").GetDouble(), line.GetProperty("why").GetString()));
        var bobJob = await course.QueryAsync(db => db.Jobs.SingleAsync(j => j.Owner == "bob"));
        Assert.Equal((JobState.Succeeded, 2), (bobJob.State, bobJob.Attempts));

        var published = await course.RunAsync("grades", "rescore", "hw1", "--publish", "--by", "prof");

        Assert.True(published.Exit == 0, published.Error);
        Assert.Equal([("alice", Verdict.Graded, 2.0), ("bob", Verdict.Graded, 0.0)], await ResultsAsync(course));
        Assert.Empty(await RerunAsync(course));
    }

    private static async Task GradeAsync(TestCourse course)
    {
        var (exit, output, error) = await course.RunAsync("grade", "hw1", "--wait", "--json");
        Assert.True(exit == 0, $"{error}\n{output}");
    }

    private static async Task<List<string>> RerunAsync(TestCourse course, params string[] options)
    {
        var (exit, output, error) = await course.RunAsync(["jobs", "rerun", "hw1", "--json", .. options]);
        Assert.True(exit == 0, error);
        return JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray()
            .Select(r => $"{r.GetProperty("owner").GetString()}: {r.GetProperty("why").GetString()}").ToList();
    }

    private static Task<List<(string, Verdict, double)>> ResultsAsync(TestCourse course) =>
        course.QueryAsync(async db => (await db.Results.AsNoTracking().ToListAsync())
            .OrderBy(r => r.Owner, StringComparer.Ordinal).Select(r => (r.Owner, r.Verdict, r.Score)).ToList());
}
