using System.Globalization;
using System.Text;
using Course.Grader.Submissions;

namespace Course.Grader.Grading;

/// <summary>
/// The Markdown report a student reads for one run: verdict, score, checks, the build and training sections
/// (when given, already rendered), late days, intake notes, log tails.
/// </summary>
internal static class FeedbackReport
{
    public static string Render(Submission submission, Verdict verdict, SandboxOutcome? run, ImageChoice? image, IReadOnlyList<CheckResult> checks,
        string? competitionLine, double rawScore, double score, double maxScore, int lateDays, string? problem, string? training = null,
        string? build = null)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"# {submission.Assignment}: {submission.Owner} @ {ShortCommit.Of(submission.Commit)}");
        text.AppendLine();
        text.AppendLine(invariant, $"- Received: {submission.ReceivedAt:yyyy-MM-dd HH:mm:ss} UTC (by the server clock)");
        text.AppendLine(invariant, $"- Verdict: **{verdict}**");
        text.AppendLine(invariant, $"- Score: **{score.ToString("0.###", invariant)} / {maxScore.ToString("0.###", invariant)}**");
        if (lateDays > 0)
        {
            text.AppendLine(invariant, $"- Late: {lateDays} day(s) after the deadline and grace; score before the penalty {rawScore.ToString("0.###", invariant)}");
        }

        if (run is not null)
        {
            text.AppendLine(invariant, $"- Run: {image?.Image ?? "image unknown"}, exit code {run.ExitCode}, {run.WallMs} ms, {PeakMemoryText.Describe(run.PeakMemoryBytes)}{RunEndText.Suffix(run.TimedOut, run.ProcessLimitHit, run.OutputLimitHit, run.OomKilled)}");
        }

        if (image?.Note is { } imageNote)
        {
            text.AppendLine().AppendLine(imageNote);
        }

        if (problem is not null)
        {
            text.AppendLine().AppendLine(problem);
        }

        if (competitionLine is not null)
        {
            text.AppendLine().AppendLine(competitionLine);
        }

        if (build is not null)
        {
            text.AppendLine().Append(build);
        }

        if (checks.Count > 0)
        {
            text.AppendLine().AppendLine("## Checks").AppendLine();
            text.AppendLine("| Check | Points | Result |").AppendLine("|---|---|---|");
            foreach (var check in checks)
            {
                text.AppendLine(invariant,
                    $"| {check.Name} | {check.Points.ToString("0.###", invariant)} / {check.MaxPoints.ToString("0.###", invariant)} | {Cell(check.Problem ?? "passed")} |");
            }
        }

        if (training is not null)
        {
            text.AppendLine().Append(training);
        }

        if (run is not null && run.Rejected.Count > 0)
        {
            text.AppendLine().AppendLine("## Rejected outputs").AppendLine();
            foreach (var rejected in run.Rejected)
            {
                text.AppendLine(invariant, $"- `{Cell(rejected.Path)}`: {rejected.Reason}");
            }
        }

        if (submission.IntakeNotes.Length > 0)
        {
            text.AppendLine().AppendLine("## Not included from your repository").AppendLine();
            foreach (var note in submission.IntakeNotes.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                text.AppendLine(invariant, $"- {note}");
            }
        }

        if (run is not null)
        {
            Tail(text, "stdout", run.StdoutTail);
            Tail(text, "stderr", run.StderrTail);
        }

        return text.ToString();
    }

    private static void Tail(StringBuilder text, string name, string tail)
    {
        if (tail.Length == 0)
        {
            return;
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {name} (last lines)").AppendLine();
        text.AppendLine("~~~~").AppendLine(tail.Replace("~~~~", "~ ~ ~ ~", StringComparison.Ordinal).TrimEnd()).AppendLine("~~~~");
    }

    private static string Cell(string value) =>
        value.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
