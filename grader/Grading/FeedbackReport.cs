using Course.Core.Output;
using Course.Grader.Submissions;

namespace Course.Grader.Grading;

/// <summary>
/// The Markdown report a student reads for one run: verdict, score, checks, the build and training sections
/// (when given, already rendered), late days, intake notes, log tails. Nearly everything in it besides the
/// verdict and the score was written by the student (file names, link targets, log lines, the image asked
/// for), so every value goes in through <see cref="MarkdownBuilder"/>: escaped inline, logs as code blocks,
/// and only <see cref="Markdown"/> is taken as markup.
/// </summary>
internal static class FeedbackReport
{
    public static string Render(FeedbackContent content)
    {
        var (submission, run, image, checks) = (content.Submission, content.Run, content.Image, content.Checks);
        var text = new MarkdownBuilder();
        if (content.Tier == Queue.JobTier.Smoke)
        {
            text.Line($"# {submission.Assignment} smoke run: {submission.Owner} @ {ShortCommit.Of(submission.Commit)}").Line();
        }
        else
        {
            text.Line($"# {submission.Assignment}: {submission.Owner} @ {ShortCommit.Of(submission.Commit)}").Line();
        }

        text.Line($"- Received: {submission.ReceivedAt:yyyy-MM-dd HH:mm:ss} UTC (by the server clock)");
        Scores(text, content.Verdict, content.Score, content.MaxScore, content.LateDays, content.RawScore);

        if (run is not null)
        {
            text.Line($"- Run: {image?.Image ?? "image unknown"}, exit code {run.ExitCode}, {run.WallMs} ms, {PeakMemoryText.Describe(run.PeakMemoryBytes)}{RunEndText.Suffix(run.TimedOut, run.ProcessLimitHit, run.OutputLimitHit, run.OomKilled)}");
        }

        foreach (var paragraph in new[] { image?.Note, content.Problem, content.Partial, content.CompetitionLine })
        {
            if (paragraph is not null)
            {
                text.Line().Append(paragraph);
            }
        }

        if (content.Build is { } build)
        {
            text.Line().Append(build);
        }

        if (checks.Count > 0)
        {
            text.Line().Line($"## Checks").Line();
            text.Line($"| Check | Points | Result |").Line($"|---|---|---|");
            CheckRows(text, checks);
        }

        if (content.Training is { } training)
        {
            text.Line().Append(training);
        }

        if (run is not null && run.Rejected.Count > 0)
        {
            text.Line().Line($"## Rejected outputs").Line();
            foreach (var rejected in run.Rejected)
            {
                text.Line($"- {rejected.Path}: {rejected.Reason}");
            }
        }

        if (submission.IntakeNotes.Length > 0)
        {
            text.Line().Line($"## Not included from your repository").Line();
            foreach (var note in submission.IntakeNotes.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                text.Line($"- {note}");
            }
        }

        if (run is not null)
        {
            Tail(text, "stdout", run.StdoutTail);
            Tail(text, "stderr", run.StderrTail);
        }

        return text.ToString();
    }

    /// <summary>The summary's verdict, score and (when late) late lines; a rescore rewrites exactly these.</summary>
    public static void Scores(MarkdownBuilder text, Verdict verdict, double score, double maxScore, int lateDays, double rawScore)
    {
        text.Line($"- Verdict: **{verdict}**");
        text.Line($"- Score: **{score:0.###} / {maxScore:0.###}**");
        if (lateDays > 0)
        {
            text.Line($"- Late: {lateDays} day(s) after the deadline and grace; score before the penalty {rawScore:0.###}");
        }
    }

    /// <summary>The rows of the checks table, one per check.</summary>
    public static void CheckRows(MarkdownBuilder text, IReadOnlyList<CheckResult> checks)
    {
        foreach (var check in checks)
        {
            text.Line($"| {check.Name} | {check.Points:0.###} / {check.MaxPoints:0.###} | {check.Problem ?? "passed"} |");
        }
    }

    private static void Tail(MarkdownBuilder text, string name, string tail)
    {
        if (tail.Length > 0)
        {
            text.Line().Line($"## {name} (last lines)").Line().CodeBlock(tail);
        }
    }
}
