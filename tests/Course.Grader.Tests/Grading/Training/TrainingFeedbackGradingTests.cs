using System.Text.Json;
using Course.Grader.Tests.Support;
using SkiaSharp;

namespace Course.Grader.Tests.Grading.Training;

/// <summary>
/// Needs the Docker engine (it fails loudly without one): a pushed homework that writes /out/metrics.jsonl
/// with printf in the busybox sandbox, graded with <c>grader grade --wait</c>; its feedback gets a Training
/// section and a curve PNG beside it.
/// </summary>
public sealed class TrainingFeedbackGradingTests
{
    private const string Result = "echo '{\"sum\": 42, \"items\": [1, 2, 3]}' > /out/result.json\n";

    [Fact(Timeout = 180_000)]
    public async Task Grade_HealthyMetricsLogAndCalibratedBaseline_FeedbackHasTrainingChecksAndCurve()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["alice"]);
        CalibrateBaseline(course, """{"step": 0, "accuracy": 0.1}""");

        var (row, feedback) = await GradeAsync(course, "alice", Metrics(
            """{"step": 1, "loss": 2.31, "accuracy": 0.1}""",
            """{"step": 2, "loss": 1.9, "accuracy": 0.3}""",
            """{"step": 3, "loss": 1.4, "accuracy": 0.5}""",
            """{"step": 4, "loss": 1.0, "accuracy": 0.65}""",
            """{"step": 5, "loss": 0.7, "accuracy": 0.8, "val_accuracy": 0.78}"""));

        Assert.Contains("## Training", feedback);
        Assert.Contains("Every sanity check passed.", feedback);
        Assert.Contains("| initial-loss | pass | first loss 2.31 at step 1 is close to ln(10)", feedback);
        Assert.Contains("| loss-decreases | pass | loss went down from 2.31 to 0.7 |", feedback);
        Assert.Contains("| finite | pass |", feedback);
        Assert.Contains("| beats-baseline | pass | last val\\_accuracy 0.78 (step 5) beats the input-independent baseline 0.1 |", feedback);
        Assert.Contains("![loss and accuracy](loss-curve.png)", feedback);
        using var image = SKBitmap.Decode(await course.StoredBytesAsync(row.GetProperty("trainingCurve").GetString()));
        Assert.Equal((800, 450), (image.Width, image.Height));
    }

    [Fact(Timeout = 180_000)]
    public async Task Grade_NaNLosses_FlaggedWithTheStepAndBaselineSkippedWithoutCalibration()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["bob"]);

        var (row, feedback) = await GradeAsync(course, "bob", Metrics(
            """{"step": 1, "loss": 2.3, "accuracy": 0.1}""",
            """{"step": 2, "loss": 9.7, "accuracy": 0.1}""",
            """{"step": 3, "loss": NaN, "accuracy": 0.1}""",
            """{"step": 4, "loss": NaN, "accuracy": 0.1}"""));

        Assert.Equal("graded", row.GetProperty("verdict").GetString());
        Assert.Contains("| finite | **FAIL** | loss is NaN at step 3: training diverged", feedback);
        Assert.Contains("| beats-baseline | skipped | skipped: the staff have not calibrated a baseline accuracy for 'hw1' yet |", feedback);
        Assert.NotEmpty(await course.StoredBytesAsync(row.GetProperty("trainingCurve").GetString()));
    }

    [Fact(Timeout = 180_000)]
    public async Task Grade_MalformedMetricsLog_NamesTheLineAndStillGrades()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["carol"]);

        var (row, feedback) = await GradeAsync(course, "carol", Metrics(
            """{"step": 1, "loss": 2.3}""",
            """{"step": 2, "loss": low}"""));

        Assert.Equal(("graded", 2.0), (row.GetProperty("verdict").GetString(), row.GetProperty("score").GetDouble()));
        Assert.Contains("Your metrics log could not be read", feedback);
        Assert.Contains("| metrics-log | **FAIL** | metrics.jsonl line 2: field 'loss': expected a number, found 'low' |", feedback);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("trainingCurve").ValueKind);
    }

    [Fact(Timeout = 180_000)]
    public async Task Grade_NoMetricsLog_SaysSoInTheTrainingSection()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["dave"]);

        var (row, feedback) = await GradeAsync(course, "dave", "");

        Assert.Contains("## Training", feedback);
        Assert.Contains("No training feedback: this run wrote no /out/metrics.jsonl.", feedback);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("trainingCurve").ValueKind);
    }

    [Fact(Timeout = 180_000)]
    public async Task Grade_LogNamesItsDevice_TrainingSectionSaysWhichDeviceTrained()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["erin"]);

        var (_, feedback) = await GradeAsync(course, "erin", Metrics(
            """{"step": 1, "loss": 2.3, "accuracy": 0.1, "device": "cuda"}""",
            """{"step": 2, "loss": 1.2, "accuracy": 0.6, "device": "cuda"}"""));

        Assert.Contains("2 lines logged, last step 2, trained on cuda;", feedback);
    }

    private static string Metrics(params string[] lines) =>
        $"printf '%s\\n' {string.Join(' ', lines.Select(l => $"'{l}'"))} > /out/metrics.jsonl\n";

    private static void CalibrateBaseline(TestCourse course, string metricsLine)
    {
        var baseline = Path.Combine(course.Directory, ".calibration", TestCourse.Assignment, "baseline", "out");
        Directory.CreateDirectory(baseline);
        File.WriteAllText(Path.Combine(baseline, "metrics.jsonl"), metricsLine + "\n");
    }

    private static async Task<(JsonElement Row, string Feedback)> GradeAsync(TestCourse course, string student, string metricsScript)
    {
        course.UseFastQueue();
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, $"{TestCourse.Assignment}-{student}", new Dictionary<string, string> { ["run.sh"] = metricsScript + Result });
        Assert.Equal(0, (await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos)).Exit);

        var (exit, output, error) = await course.RunAsync("grade", TestCourse.Assignment, "--wait", "--json");

        Assert.True(exit == 0, error);
        var row = Assert.Single(JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray());
        Assert.Equal("succeeded", row.GetProperty("state").GetString());
        return (row, await course.StoredTextAsync(row.GetProperty("feedback").GetString()));
    }
}
