using Course.Assignments.Feedback;
using Course.Assignments.Feedback.Checks;
using Course.Assignments.Tests.Datasets;

namespace Course.Assignments.Tests.Feedback;

public sealed class TrainingFeedbackTests
{
    [Fact]
    public void Write_HealthyRun_WritesReportAndPngCurve()
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(folder.File("metrics.jsonl"), MetricsLines.Healthy() + "{\"step\":50,\"epoch\":0,\"val_loss\":0.5,\"val_accuracy\":0.83}\n");
        var result = TrainingFeedback.FromFiles(folder.File("metrics.jsonl"), new FeedbackOptions());

        var written = TrainingFeedback.Write(result, folder.File("feedback"));

        Assert.Equal([folder.File("feedback/feedback.md"), folder.File("feedback/loss-curve.png")], written);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(written[1])[..4]);
        var report = File.ReadAllText(written[0]);
        Assert.Contains("Every sanity check passed.", report, StringComparison.Ordinal);
        Assert.Contains("![loss and accuracy](loss-curve.png)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_MissingLog_ReportsFailedCheckWithoutCurve()
    {
        using var folder = new ScratchFolder();

        var result = TrainingFeedback.FromFiles(folder.File("metrics.jsonl"), new FeedbackOptions());
        var written = TrainingFeedback.Write(result, folder.Path);

        var check = Assert.Single(result.Checks);
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("metrics.jsonl was not written", check.Message, StringComparison.Ordinal);
        Assert.Equal([folder.File("feedback.md")], written);
    }

    [Fact]
    public void FromFiles_MalformedLog_ReportsTheLineInsteadOfThrowing()
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(folder.File("metrics.jsonl"), "{\"step\":1,\"loss\":2.3}\n{\"step\":2,\"loss\":\"low\"}\n");

        var result = TrainingFeedback.FromFiles(folder.File("metrics.jsonl"), new FeedbackOptions());

        var check = Assert.Single(result.Checks);
        Assert.Equal("metrics.jsonl line 2: field 'loss': expected a number, found '\"'", check.Message);
        Assert.Contains("**FAIL**", result.Markdown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MessageWithTableSyntax_IsEscaped()
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(folder.File("metrics.jsonl"), "{\"step\":1,\"a|b<script>\":\"x\"}\n");

        var result = TrainingFeedback.FromFiles(folder.File("metrics.jsonl"), new FeedbackOptions());

        Assert.Contains("a\\|b&lt;script&gt;", result.Markdown.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", result.Markdown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_NaNRun_StillDrawsTheFinitePart()
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(folder.File("metrics.jsonl"), MetricsLines.Curve(30, s => s < 20 ? 2.3 - (s * 0.05) : double.NaN, _ => 0.2));
        var result = TrainingFeedback.FromFiles(folder.File("metrics.jsonl"), new FeedbackOptions());

        var written = TrainingFeedback.Write(result, folder.Path);

        Assert.Equal(2, written.Count);
        Assert.False(result.Healthy);
    }

    [Fact]
    public void WriteCurve_OnlyNonFiniteValues_WritesNoCurveAndLinksNone()
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(folder.File("metrics.jsonl"), MetricsLines.Curve(3, _ => double.NaN, _ => double.NaN));
        var result = TrainingFeedback.FromFiles(folder.File("metrics.jsonl"), new FeedbackOptions());

        var curve = TrainingFeedback.WriteCurve(result, folder.Path);

        Assert.Null(curve);
        Assert.False(File.Exists(folder.File("loss-curve.png")));
        Assert.DoesNotContain("loss-curve.png", result.Body.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_HealthyRun_IsTheReportWithoutItsHeading()
    {
        var result = TrainingFeedback.Analyze(MetricsLines.Parse(MetricsLines.Healthy()), new FeedbackOptions());

        Assert.DoesNotContain("# ", result.Body.Text, StringComparison.Ordinal);
        Assert.StartsWith("# Training feedback", result.Markdown.Text, StringComparison.Ordinal);
        Assert.EndsWith(result.Body.Text, result.Markdown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteCurve_ValuesNearDoubleLimits_LeavesThemOutInsteadOfThrowing()
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(folder.File("metrics.jsonl"),
            "{\"step\":1,\"loss\":2.3,\"accuracy\":0.1}\n{\"step\":2,\"loss\":1e308}\n{\"step\":3,\"loss\":-1e308,\"accuracy\":0.2}\n");
        var result = TrainingFeedback.FromFiles(folder.File("metrics.jsonl"), new FeedbackOptions());

        var curve = TrainingFeedback.WriteCurve(result, folder.Path);

        Assert.Equal(folder.File("loss-curve.png"), curve);
    }

    [Theory]
    [InlineData("{\"step\":1,\"loss\":2.3,\"accuracy\":0.1,\"device\":\"cuda\"}\n", "50 lines logged, last step 50, trained on cuda; classes: 10")]
    [InlineData("", "49 lines logged, last step 50, device not logged; classes: 10")]
    public void Write_Report_SaysWhichDeviceTrained(string firstLine, string expected)
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(folder.File("metrics.jsonl"), firstLine + string.Concat(MetricsLines.Healthy().Split('\n').Skip(1).Select(l => l.Length > 0 ? l + "\n" : "")));
        var result = TrainingFeedback.FromFiles(folder.File("metrics.jsonl"), new FeedbackOptions());

        var report = File.ReadAllText(TrainingFeedback.Write(result, folder.Path)[0]);

        Assert.Contains(expected, report, StringComparison.Ordinal);
    }
}
