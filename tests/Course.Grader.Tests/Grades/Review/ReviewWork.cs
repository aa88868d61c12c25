using System.Text.Json.Nodes;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Storage;
using Course.Grader.Submissions;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Grades.Review;

/// <summary>
/// Work for the review queue's tests: finished results with a given verdict, logs and metrics log (a recorded submission whose
/// job ended), a TA on the course's staff, and a written assignment with one rubric item.
/// </summary>
internal static class ReviewWork
{
    public const string Ta = "tia";

    public const string Essay = "essay";

    /// <summary>
    /// Records a finished full run of <paramref name="owner"/> on <paramref name="assignment"/>: <paramref name="points"/> of 2 with
    /// <paramref name="verdict"/>, the logs' tails and the metrics log kept in the store when given. Returns the job's id.
    /// </summary>
    public static async Task<Guid> ResultAsync(TestCourse course, string owner, Verdict verdict, double points, string? metrics = null,
        string stdout = "", string assignment = TestCourse.Assignment, string commit = "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
        DateTimeOffset? receivedAt = null)
    {
        var submission = await course.GradedSubmissionAsync(owner, $"# {assignment}\n\n{VerdictWording.Words(verdict)}: {points} / 2\n",
            assignment, points: points, commit: commit, receivedAt: receivedAt);
        await using var services = course.Services();
        var metricsKey = metrics is null ? null : await services.GetRequiredService<IBlobStore>().PutTextAsync(metrics, CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GraderDbContext>();
        var job = await db.Results.Where(r => r.SubmissionId == submission).Select(r => r.JobId).SingleAsync();
        await db.Results.Where(r => r.JobId == job).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Verdict, verdict)
            .SetProperty(r => r.StdoutTail, stdout)
            .SetProperty(r => r.SandboxResultJson, $$"""{"exitCode": 0, "verdict": "{{verdict}}"}""")
            .SetProperty(r => r.MetricsLogKey, metricsKey));
        await db.Jobs.Where(j => j.Id == job).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.State, verdict == Verdict.InfrastructureFailure ? JobState.Failed : JobState.Succeeded)
            .SetProperty(j => j.FinishedAt, DateTimeOffset.UnixEpoch));
        return job;
    }

    /// <summary>Puts <see cref="Ta"/> on the staff and, with <paramref name="essay"/>, a written assignment (one 4-point rubric item "proof",
    /// a tenth of the grade) and a final grade over both, so a student's grades page shows their changes.</summary>
    public static Task EditCourseAsync(TestCourse course, bool essay) =>
        Grades.CourseJsonEdit.ApplyAsync(course, json =>
        {
            json["staff"]!.AsArray().Add(new JsonObject { ["login"] = Ta, ["role"] = "ta", ["name"] = "Tia", ["email"] = "tia@example.edu" });
            if (!essay)
            {
                return;
            }

            var assignments = json["assignments"]!.AsArray();
            assignments[0]!["weight"] = (int)assignments[0]!["weight"]! - 10;
            assignments.Add(JsonNode.Parse($$"""
                { "id": "{{Essay}}", "title": "Essay", "kind": "written", "release": "2026-10-01T09:00", "deadline": "2026-10-12T23:59", "weight": 10,
                  "rubric": [{ "id": "proof", "description": "The proof", "points": 4 }] }
                """));
            json["finalGrade"] = JsonNode.Parse($$"""
                { "categories": [{ "name": "all", "weight": 100, "assignments": [{{string.Join(", ", assignments.Select(a => $"\"{a!["id"]}\""))}}] }],
                  "letters": [{ "letter": "P", "min": 50 }, { "letter": "F", "min": 0 }] }
                """);
        });
}
