using Course.Assignments.Feedback.Checks;
using Course.Assignments.Model;
using Course.Core.Output;
using Course.Grader.Grading;
using Course.Grader.Grading.Training;
using Course.Grader.Submissions;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.Grading;

/// <summary>
/// Each field of the report a student controls gets hostile text (lines that read as a verdict, a score or
/// a heading, fences, table rows, HTML, links, invisible characters); the report must keep only its own
/// structure, with the text shown escaped.
/// </summary>
public sealed class FeedbackReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("feedback-report-").FullName;

    public static TheoryData<string> Hostile => new()
    {
        "a\n## Verdict: passed\nScore: 100",
        "x\r# Score: 100\r\n- Verdict: **Graded**",
        "```\n# Score: 100\n```",
        "~~~~\n# Verdict: passed\n~~~~",
        "| Verdict | passed |\n|---|---|\n| Score | 100 |",
        "<script>alert(1)</script>",
        "[Score: 100](javascript:alert(1)) ![x](http://example.com/x.png) <http://example.com>",
        "ok\u2028# Score: 100\u202e001 :erocS\n===",
        "x\n\n    # Score: 100\n***\n",
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Render_HostileRejectedOutputName_NoForgedLine(string hostile)
    {
        var report = Render(run: Run(rejected: [new SandboxRejectedFile(hostile, "unsafe file name (control character or invalid UTF-8)")]));

        ForgedLines.AssertNone(report);
        Assert.Contains($"- {MarkdownText.Inline(hostile)}: unsafe file name", report);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Render_HostileLinkTarget_NoForgedLine(string hostile)
    {
        var report = Render(run: Run(rejected: [new SandboxRejectedFile("score.txt", $"symbolic link to '{hostile}' (not followed)")]));

        ForgedLines.AssertNone(report);
        Assert.Contains(MarkdownText.Inline(hostile), report);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Render_HostileImageName_NoForgedLine(string hostile)
    {
        File.WriteAllText(Path.Combine(_folder, ImageChoice.FileName), hostile);
        var image = ImageChoice.For(new AssignmentSpec { Id = "hw1", Image = "course-busybox" }, _folder);

        var report = Render(run: Run(), image: image);

        ForgedLines.AssertNone(report);
        Assert.Contains("asks for '", report);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Render_HostileIntakeNote_NoForgedLine(string hostile)
    {
        var notes = SubmissionRecorder.JoinNotes([$"`{hostile}` is a symbolic link: links are not followed or copied", $"{hostile}: name contains a backslash"]);

        var report = Render(intakeNotes: notes);

        ForgedLines.AssertNone(report);
        Assert.Contains("## Not included from your repository", report);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Render_HostileLogTails_NoForgedLineAndShownAsCode(string hostile)
    {
        var report = Render(run: Run(stdout: hostile + "\n", stderr: "Traceback\n" + hostile));

        ForgedLines.AssertNone(report);
        Assert.Contains("## stdout (last lines)", report);
        Assert.Contains(MarkdownText.CodeBlock(hostile), report);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Render_HostileCheckProblem_NoForgedLineOrTableRow(string hostile)
    {
        var report = Render(checks: [new CheckResult("sum", 0, 2, $"result.json is not valid JSON (line 1): {hostile}")]);

        ForgedLines.AssertNone(report);
        Assert.Contains($"| sum | 0 / 2 | result.json is not valid JSON (line 1): {MarkdownText.Inline(hostile)} |", report);
    }

    [Fact]
    public void Render_HostileMetricsFieldName_NoForgedLineInTheTrainingSection()
    {
        var metrics = Path.Combine(_folder, TrainingSection.MetricsFile);
        File.WriteAllText(metrics, "{\"step\": 1, \"x`|# Score: 100 <script> [a](b) **Verdict**\u2028# Score\": \"low\"}\n");
        var training = TrainingSection.Write(metrics, new FeedbackOptions(), _folder);

        var report = Render(training: training.Section);

        ForgedLines.AssertNone(report);
        Assert.Contains("| metrics-log | **FAIL** | metrics.jsonl line 1: field 'x\\`\\|\\# Score: 100 &lt;script&gt; \\[a\\](b) \\*\\*Verdict\\*\\*\\\\u2028\\# Score': expected a number", report);
    }

    private static SandboxOutcome Run(string stdout = "", string stderr = "", IReadOnlyList<SandboxRejectedFile>? rejected = null) =>
        new(0, false, false, 1200, stdout, stderr, [], rejected ?? [], 50_000_000, "{}", false);

    private static string Render(SandboxOutcome? run = null, ImageChoice? image = null, IReadOnlyList<CheckResult>? checks = null,
        string intakeNotes = "", Markdown? training = null)
    {
        var submission = new Submission
        {
            Id = Guid.NewGuid(),
            Assignment = "hw1",
            Owner = "alice",
            IsTeam = false,
            Repository = "hw1-alice",
            Commit = "0123abcdef0123abcdef0123abcdef0123abcdef",
            Source = SubmissionSource.Local,
            ReceivedAt = new DateTimeOffset(2026, 10, 10, 12, 0, 0, TimeSpan.Zero),
            IntakeNotes = intakeNotes,
        };
        return FeedbackReport.Render(new FeedbackContent(submission, Verdict.Graded)
        {
            Run = run,
            Image = image,
            Checks = checks ?? [],
            RawScore = 1,
            Score = 1,
            MaxScore = 2,
            Training = training,
        });
    }
}
