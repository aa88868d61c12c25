using System.Text.Json;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Grades;

/// <summary>
/// A grader database from before results recorded their inputs: <c>grader db migrate</c> keeps every job and result,
/// and a rescore still works from the kept outputs, saying the inputs were not recorded.
/// </summary>
public sealed class RescoreUpgradeTests
{
    private const string RescoreDrafts = "20261126172323_RescoreDrafts";

    [Fact]
    public async Task DbMigrate_ResultsFromBeforeInputsWereRecorded_KeptAndRescoredNamingWhatMoved()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2026-10-12T23:59", students: ["carol"]);
        var submission = Guid.NewGuid();
        var job = Guid.NewGuid();
        var snapshot = Path.Combine(course.Directory, "snapshots", "carol");
        SnapshotSubmissions.Write(snapshot, SnapshotSubmissions.Writing("42"));
        var run = Path.Combine(course.Directory, "runs", "carol", "attempt-1");
        Directory.CreateDirectory(Path.Combine(run, "out"));
        await File.WriteAllTextAsync(Path.Combine(run, "out", "result.json"), """{"sum": 42, "items": [1, 2, 3]}""");
        var feedback = Path.Combine(run, "feedback.md");
        await File.WriteAllTextAsync(feedback, "graded");
        const string sandboxResult = """{"outputs": [{"path": "result.json"}], "rejected": []}""";
        // One started day late: 2 points at 1 - 0.25.
        var received = new DateTimeOffset(2026, 10, 13, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        await using (var services = course.Services())
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GraderDbContext>();
            // As the previous schema left it, undone by hand: reverting through EF would rebuild grader_jobs from an older
            // migration's model that lacks later columns.
            await db.Database.ExecuteSqlRawAsync($"""
                DROP TABLE grader_rescores;
                ALTER TABLE grader_results DROP COLUMN GradedInputs;
                ALTER TABLE grader_jobs DROP COLUMN AttemptsBeforeRerun;
                DELETE FROM "__grader_migrations" WHERE "MigrationId" = '{RescoreDrafts}';
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO grader_submissions (Id, Assignment, Owner, IsTeam, Repository, "Commit", Source, ReceivedAt, SnapshotPath, IntakeNotes)
                VALUES ({submission.ToString()}, 'hw1', 'carol', 0, 'hw1-carol', 'c0ffee', 'Local', {received}, {snapshot}, '')
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO grader_jobs (Id, SubmissionId, Assignment, Owner, "Commit", State, Attempts, FairSequence, EnqueuedAt, NextAttemptAt)
                VALUES ({job.ToString()}, {submission.ToString()}, 'hw1', 'carol', 'c0ffee', 'Succeeded', 1, 0, {received}, {received})
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO grader_results (JobId, SubmissionId, Assignment, Owner, "Commit", Verdict, RawScore, Score, MaxScore, LateDays,
                    StdoutTail, StderrTail, SandboxResultJson, FeedbackPath, RecordedAt)
                VALUES ({job.ToString()}, {submission.ToString()}, 'hw1', 'carol', 'c0ffee', 'Graded', 2, 1.5, 2, 1, '', '',
                    {sandboxResult}, {feedback}, {received})
                """);
        }

        var migrate = await course.RunAsync("db", "migrate");
        var json = await File.ReadAllTextAsync(course.CourseFile);
        await File.WriteAllTextAsync(course.CourseFile, json.Replace("\"penaltyPerDay\": 0.25", "\"penaltyPerDay\": 0.5", StringComparison.Ordinal));
        var rerun = await course.RunAsync("jobs", "rerun", "hw1", "--json");
        var (exit, output, error) = await course.RunAsync("grades", "rescore", "hw1", "--json");

        Assert.True(migrate.Exit == 0, migrate.Error);
        var kept = await course.QueryAsync(db => db.Results.AsNoTracking().SingleAsync());
        var keptJob = await course.QueryAsync(db => db.Jobs.AsNoTracking().SingleAsync());
        Assert.Equal((1.5, 1, (string?)null), (kept.Score, kept.LateDays, kept.GradedInputs));
        Assert.Equal((JobState.Succeeded, 1, 0), (keptJob.State, keptJob.Attempts, keptJob.AttemptsBeforeRerun));
        Assert.Equal("[]", rerun.Out.Trim());
        Assert.True(exit == 0, error);
        var line = JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray().Single();
        Assert.Equal(("carol", 1.5, 1.0, "the late penalty changed (late rule or deadline; inputs were not recorded for this result)"),
            (line.GetProperty("owner").GetString(), line.GetProperty("oldScore").GetDouble(), line.GetProperty("newScore").GetDouble(),
                line.GetProperty("why").GetString()));
    }
}
