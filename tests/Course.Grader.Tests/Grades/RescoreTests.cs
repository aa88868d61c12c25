using System.Globalization;
using System.Text.Json;
using Course.Grader.Grading;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Tests.Grades;

/// <summary>Needs the Docker engine: results graded in the busybox sandbox, then rescored from their kept outputs.</summary>
public sealed class RescoreTests
{
    [Fact(Timeout = 180_000)]
    public async Task Rescore_ReferenceOutputChanged_DraftDiffLeavesPublishedUntilPublished()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["alice", "bob", "carol"]);
        course.UseFastQueue();
        var now = new DateTimeOffset(2026, 10, 10, 12, 0, 0, TimeSpan.Zero);
        await SnapshotSubmissions.SubmitAsync(course, "alice", now, SnapshotSubmissions.Writing("42"));
        await SnapshotSubmissions.SubmitAsync(course, "bob", now, SnapshotSubmissions.Writing("43"));
        await SnapshotSubmissions.SubmitAsync(course, "carol", now, "echo '{\"sum\": 43, \"items\": [1, 2]}' > /out/result.json\n");
        await GradeAsync(course);
        Assert.Equal([("alice", 2.0), ("bob", 0.0), ("carol", 0.0)], await ScoresAsync(course));

        await File.WriteAllTextAsync(Path.Combine(course.Directory, ".calibration", "hw1", "reference", "out", "result.json"),
            """{ "sum": 43.0, "items": [1, 2, 3] }""");
        await course.StoreCalibrationAsync();
        var (exit, output, error) = await course.RunAsync("grades", "rescore", "hw1", "--json");

        Assert.True(exit == 0, error);
        // By hand: alice's 42 no longer matches (2 -> 0), bob's 43 now does (0 -> 2), carol's short items fail either way.
        Assert.Equal(
            [
                "alice graded 2/2 -> graded 0/2: reference output result.json changed",
                "bob graded 0/2 -> graded 2/2: reference output result.json changed",
            ],
            Lines(output));
        Assert.Equal([("alice", 2.0), ("bob", 0.0), ("carol", 0.0)], await ScoresAsync(course));

        var unsigned = await course.RunAsync("grades", "rescore", "hw1", "--publish");
        var published = await course.RunAsync("grades", "rescore", "hw1", "--publish", "--by", "prof");
        var again = await course.RunAsync("grades", "rescore", "hw1", "--json");

        Assert.Equal(2, unsigned.Exit);
        Assert.Contains("--by", unsigned.Error);
        Assert.True(published.Exit == 0, published.Error);
        Assert.Contains("hw1: 2 score(s) published", published.Out);
        Assert.Equal([("alice", 0.0), ("bob", 2.0), ("carol", 0.0)], await ScoresAsync(course));
        Assert.Equal(3, await course.CountAsync<GradingResult>());
        // The feedback a student reads shows the published score, its checks and what it was before.
        var bob = await FeedbackAsync(course, "bob");
        Assert.Contains("- Score: **2 / 2**\n", bob, StringComparison.Ordinal);
        Assert.DoesNotContain("- Score: **0 / 2**", bob, StringComparison.Ordinal);
        Assert.Contains("- Rescored: reference output result.json changed; before: Graded, 0 / 2\n", bob, StringComparison.Ordinal);
        Assert.Contains("| sum | 2 / 2 | passed |\n", bob, StringComparison.Ordinal);
        Assert.Contains("- Score: **0 / 2**\n", await FeedbackAsync(course, "alice"), StringComparison.Ordinal);
        Assert.Empty(Lines(again.Out));
        var history = await course.RunAsync("grades", "history", "--json");
        Assert.True(history.Exit == 0, history.Error);
        // Only the two grades the publish moved are logged, old and new, as a rescore by prof.
        Assert.Equal([("alice", 1.0, 0.0), ("bob", 0.0, 1.0)], JsonSerializer.Deserialize<JsonElement>(history.Out).EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == "rescore" && c.GetProperty("by").GetString() == "prof")
            .Select(c => (c.GetProperty("login").GetString(), c.GetProperty("old").GetDouble(), c.GetProperty("new").GetDouble()))
            .OrderBy(c => c.Item1, StringComparer.Ordinal).ToList());
    }

    [Fact(Timeout = 180_000)]
    public async Task Rescore_LateRuleChanged_OnlyLateWorkInDiffAndDiscardKeepsPublished()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2026-10-12T23:59", students: ["alice", "carol"]);
        course.UseFastQueue();
        await SnapshotSubmissions.SubmitAsync(course, "alice", new DateTimeOffset(2026, 10, 12, 12, 0, 0, TimeSpan.Zero),
            SnapshotSubmissions.Writing("42"));
        await SnapshotSubmissions.SubmitAsync(course, "carol", new DateTimeOffset(2026, 10, 13, 12, 0, 0, TimeSpan.Zero),
            SnapshotSubmissions.Writing("42"));
        await GradeAsync(course);
        Assert.Equal([("alice", 2.0), ("carol", 1.5)], await ScoresAsync(course));

        var json = await File.ReadAllTextAsync(course.CourseFile);
        await File.WriteAllTextAsync(course.CourseFile, json.Replace("\"penaltyPerDay\": 0.25", "\"penaltyPerDay\": 0.5", StringComparison.Ordinal));
        var (exit, output, error) = await course.RunAsync("grades", "rescore", "hw1", "--json");
        var table = await course.RunAsync("grades", "rescore", "hw1");

        Assert.True(exit == 0, error);
        // By hand: carol is one started day late, 2 points at 1 - 0.5 = 1 instead of 1 - 0.25 = 1.5; alice was on time.
        Assert.Equal(
            ["carol graded 1.5/2 late 1 -> graded 1/2 late 1: late rule changed (25% a day, at most 2 day(s), 0 h grace -> 50% a day, at most 2 day(s), 0 h grace)"],
            Lines(output));
        Assert.Contains("1.5/2 graded 1d late", table.Out);
        Assert.Contains("1/2 graded 1d late", table.Out);

        var discarded = await course.RunAsync("grades", "rescore", "hw1", "--discard", "--by", "prof");

        Assert.True(discarded.Exit == 0, discarded.Error);
        Assert.Equal([("alice", 2.0), ("carol", 1.5)], await ScoresAsync(course));
        Assert.Equal(1, await course.QueryAsync(db => db.Rescores.CountAsync(e => e.State == RescoreState.Discarded && e.DecidedBy == "prof")));
        Assert.Equal(0, await course.QueryAsync(db => db.Rescores.CountAsync(e => e.State == RescoreState.Draft)));
    }

    private static async Task GradeAsync(TestCourse course)
    {
        var (exit, output, error) = await course.RunAsync("grade", "hw1", "--wait", "--json");
        Assert.True(exit == 0, $"{error}\n{output}");
    }

    private static async Task<string> FeedbackAsync(TestCourse course, string owner) =>
        await course.StoredTextAsync((await course.QueryAsync(db => db.Results.AsNoTracking().SingleAsync(r => r.Owner == owner))).FeedbackKey);

    private static Task<List<(string, double)>> ScoresAsync(TestCourse course) =>
        course.QueryAsync(async db => (await db.Results.AsNoTracking().ToListAsync())
            .OrderBy(r => r.Owner, StringComparer.Ordinal).Select(r => (r.Owner, r.Score)).ToList());

    /// <summary>Each rescore line as "owner old -> new: why".</summary>
    private static List<string> Lines(string json) => JsonSerializer.Deserialize<JsonElement>(json).EnumerateArray().Select(line =>
    {
        static string Score(JsonElement line, string side) => string.Create(CultureInfo.InvariantCulture,
            $"{line.GetProperty($"{side}Verdict").GetString()!.ToLowerInvariant()} {line.GetProperty($"{side}Score").GetDouble():0.##}/{line.GetProperty($"{side}MaxScore").GetDouble():0.##}{(line.GetProperty($"{side}LateDays").GetInt32() is > 0 and var days ? $" late {days}" : "")}");
        return $"{line.GetProperty("owner").GetString()} {Score(line, "old")} -> {Score(line, "new")}: {line.GetProperty("why").GetString()}";
    }).ToList();
}
