using System.Security.Cryptography;
using Course.Grader.Storage;
using Course.Grader.Submissions;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Storage;

/// <summary>
/// A course graded by the version before the store (its tables, and its files in grading/ and .calibration/) is moved
/// into the store by <c>grader db migrate</c>: every result keeps its files after the folders are deleted, and a
/// second run moves nothing.
/// </summary>
public sealed class LegacyFilesTests
{
    private const string BeforeTheStore = "20261126140536_TeamOwnersByName";

    private const string Commit = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";

    private const string Submission = "0b9d5d1e-8f3a-4c0e-9d55-2f6a1b7c8e01";

    private const string Job = "5c2e7a90-1d4b-4f6e-8a3c-9b0d2e4f6a81";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DbMigrate_FoldersOfTheVersionBeforeTheStore_MovedAndKeptWhenTheFoldersAreDeleted(bool postgres)
    {
        await using var cluster = postgres ? await PostgresCluster.StartAsync() : null;
        using var course = await TestCourse.CreateAsync(connectionString: cluster?.ConnectionString, competition: true, students: ["ana"]);
        var grading = Path.Combine(course.Directory, "grading");
        var run = Path.Combine(grading, "runs", "hw1", "ana", Commit, "attempt-1");
        var snapshot = Path.Combine(grading, "submissions", "hw1", "ana", Commit);
        var curve = RandomNumberGenerator.GetBytes(5000);
        Write(Path.Combine(snapshot, "run.sh"), "echo '{\"sum\": 42}' > /out/result.json\n"u8.ToArray());
        Write(Path.Combine(run, "out", "result.json"), "{\"sum\": 42}\n"u8.ToArray());
        Write(Path.Combine(run, "out", "metrics.jsonl"), "{\"step\":1,\"loss\":2.3}\n"u8.ToArray());
        Write(Path.Combine(run, "feedback.md"), "# hw1: ana\n\n![loss curve](loss-curve.png)\n"u8.ToArray());
        Write(Path.Combine(run, "loss-curve.png"), curve);
        Write(Path.Combine(grading, "uploads", "hw2", "0f1e2d3c4b5a69788796a5b4c3d2e1f0.csv"), "id,label\n1,a\n"u8.ToArray());
        await using (var services = course.Services())
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GraderDbContext>();
            // A database as the version before the store made it: the grader's migrations up to then, nothing else.
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
            }
            else
            {
                await db.Database.EnsureDeletedAsync();
            }

            await db.Database.GetService<IMigrator>().MigrateAsync(BeforeTheStore);
            await StoreWorkOfTheOldSchemaAsync(db, snapshot, run);
        }

        var (exit, output, error) = await course.RunAsync("db", "migrate");
        Directory.Delete(grading, recursive: true);
        Directory.Delete(Path.Combine(course.Directory, ".calibration"), recursive: true);
        var (again, secondOutput, _) = await course.RunAsync("db", "migrate");

        Assert.True(exit == 0, error);
        Assert.Contains("files: moved 1 snapshots, 1 results, 1 uploads, 1 calibrations into the store", output, StringComparison.Ordinal);
        Assert.Equal(0, again);
        Assert.Contains("files: all in the store", secondOutput, StringComparison.Ordinal);
        var submission = await course.QueryAsync(db => db.Submissions.SingleAsync());
        var result = await course.QueryAsync(db => db.Results.SingleAsync());
        Assert.Equal("echo '{\"sum\": 42}' > /out/result.json\n", await File.ReadAllTextAsync(Path.Combine(await course.UnpackAsync(submission.SnapshotKey), "run.sh")));
        Assert.Equal("# hw1: ana\n\n![loss curve](loss-curve.png)\n", await course.StoredTextAsync(result.FeedbackKey));
        Assert.Equal("{\"step\":1,\"loss\":2.3}\n", await course.StoredTextAsync(result.MetricsLogKey));
        Assert.Equal("{\"sum\": 42}\n", await File.ReadAllTextAsync(Path.Combine(await course.UnpackAsync(result.OutputsKey), "result.json")));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(curve)), result.TrainingCurveKey);
        var upload = await course.QueryAsync(db => db.Uploads.SingleAsync());
        Assert.Equal(("0f1e2d3c4b5a69788796a5b4c3d2e1f0", "hw2", "id,label\n1,a\n"), (upload.Id, upload.Assignment, await course.StoredTextAsync(upload.Key)));
        await using (var services = course.Services())
        {
            await using var scope = services.CreateAsyncScope();
            var reference = await scope.ServiceProvider.GetRequiredService<StoredCalibrations>().ReferenceOutputsAsync("hw1", CancellationToken.None);
            Assert.Contains("\"sum\": 42.0", await File.ReadAllTextAsync(Path.Combine(reference, "result.json")), StringComparison.Ordinal);
        }
    }

    private static void Write(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    /// <summary>A submission, its job and its result as the schema before the store kept them: with the paths of their files.</summary>
    private static async Task StoreWorkOfTheOldSchemaAsync(GraderDbContext db, string snapshot, string run)
    {
        var feedback = Path.Combine(run, "feedback.md");
        var metrics = Path.Combine(run, "out", "metrics.jsonl");
        var curve = Path.Combine(run, "loss-curve.png");
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO grader_submissions ("Id", "Assignment", "Owner", "IsTeam", "Repository", "Commit", "Source", "ReceivedAt", "SnapshotPath", "IntakeNotes")
            VALUES ({Submission}, 'hw1', 'ana', {false}, 'hw1-ana', {Commit}, 'Local', 0, {snapshot}, '')
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO grader_jobs ("Id", "SubmissionId", "Assignment", "Owner", "Commit", "State", "Attempts", "FairSequence", "EnqueuedAt", "NextAttemptAt", "Gpus")
            VALUES ({Job}, {Submission}, 'hw1', 'ana', {Commit}, 'Succeeded', 1, 0, 0, 0, 0)
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO grader_results ("JobId", "SubmissionId", "Assignment", "Owner", "Commit", "Verdict", "RawScore", "Score", "MaxScore", "LateDays",
                "StdoutTail", "StderrTail", "SandboxResultJson", "MetricsLogPath", "FeedbackPath", "TrainingCurvePath", "RecordedAt")
            VALUES ({Job}, {Submission}, 'hw1', 'ana', {Commit}, 'Graded', 2, 2, 2, 0, '', '', '', {metrics}, {feedback}, {curve}, 0)
            """);
    }
}
