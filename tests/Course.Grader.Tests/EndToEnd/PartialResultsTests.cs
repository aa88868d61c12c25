using System.Text.Json;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Tests.EndToEnd;

/// <summary>Needs the Docker engine and the course-python image: a run that sleeps past its time limit keeps what it logged.</summary>
public sealed class PartialResultsTests
{
    [Fact(Timeout = 180_000)]
    public async Task GradeWait_RunStoppedAtTimeLimit_FeedbackKeepsCurveLastMetricsAndLogTails()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", timeout: "5s", image: "course-python", students: ["alice"]);
        course.UseFastQueue();
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, "hw1-alice", new Dictionary<string, string>
        {
            ["run.sh"] = "exec python3 /submission/train.py\n",
            ["train.py"] = """
                import json, sys, time
                with open("/out/metrics.jsonl", "w") as log:
                    for step in range(1, 4):
                        log.write(json.dumps({"step": step, "loss": 2.4 / step, "accuracy": 0.1 * step}) + "\n")
                    log.write('{"step": 4, "lo')
                    log.flush()
                print("logged three steps", flush=True)
                print("still training", file=sys.stderr, flush=True)
                time.sleep(600)
                """,
        });
        Assert.Equal(0, (await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos)).Exit);

        var (exit, output, error) = await course.RunAsync("grade", TestCourse.Assignment, "--wait", "--json");

        Assert.True(exit == 0, error);
        var row = JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray().Single();
        Assert.Equal("timedOut", row.GetProperty("verdict").GetString());
        var feedback = await course.StoredTextAsync(row.GetProperty("feedback").GetString());
        Assert.Contains("## Partial results", feedback);
        Assert.Contains("Last metrics logged: step 3, loss 0.8, accuracy 0.3.", feedback);
        Assert.Contains("The line it was writing when it was stopped was incomplete and is left out.", feedback);
        Assert.Contains("logged three steps", feedback);
        Assert.Contains("still training", feedback);
        Assert.Contains("loss-curve.png", feedback);
        Assert.True((await course.StoredBytesAsync(row.GetProperty("trainingCurve").GetString())).Length > 0, "the curve so far was drawn and stored");
        var result = await course.QueryAsync(db => db.Results.SingleAsync());
        var metrics = await course.StoredTextAsync(result.MetricsLogKey);
        Assert.Equal(3, metrics.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("\"step\": 4", metrics);
    }
}
