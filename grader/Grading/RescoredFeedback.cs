using Course.Core.Output;

namespace Course.Grader.Grading;

/// <summary>
/// The feedback report of a rescored result: the run's own report (its run, logs and sections stay true) with the
/// verdict, score and late lines and the checks table replaced by the rescore's, and a line saying it was rescored,
/// why, and what the score was before, so the page a student reads shows the score that counts.
/// </summary>
internal static class RescoredFeedback
{
    private const string ChecksHeading = "## Checks";

    public static string Rewrite(string report, GradingResult published, GradingResult rescored, IReadOnlyList<CheckResult> checks, string why)
    {
        var summary = new MarkdownBuilder();
        FeedbackReport.Scores(summary, rescored.Verdict, rescored.Score, rescored.MaxScore, rescored.LateDays, rescored.RawScore);
        summary.Line($"- Rescored: {why}; before: {published.Verdict}, {published.Score:0.###} / {published.MaxScore:0.###}");
        var lines = report.Split('\n').ToList();
        var first = lines.FindIndex(l => l.StartsWith("- Verdict: ", StringComparison.Ordinal));
        if (first < 0)
        {
            // A report without the usual summary: the rescore is added at its end rather than lost.
            return report.TrimEnd('\n') + "\n\n## Rescored\n\n" + summary;
        }

        var end = first;
        while (end < lines.Count && (lines[end].StartsWith("- Verdict: ", StringComparison.Ordinal)
                                     || lines[end].StartsWith("- Score: ", StringComparison.Ordinal)
                                     || lines[end].StartsWith("- Late: ", StringComparison.Ordinal)))
        {
            end++;
        }

        lines.RemoveRange(first, end - first);
        lines.InsertRange(first, summary.ToString().TrimEnd('\n').Split('\n'));
        ReplaceCheckRows(lines, checks);
        return string.Join('\n', lines);
    }

    // The table under "## Checks": a blank line, the header, the separator, then one row per check.
    private static void ReplaceCheckRows(List<string> lines, IReadOnlyList<CheckResult> checks)
    {
        var heading = lines.IndexOf(ChecksHeading);
        var rows = heading + 4;
        if (heading < 0 || checks.Count == 0 || rows > lines.Count)
        {
            return;
        }

        var end = rows;
        while (end < lines.Count && lines[end].StartsWith('|'))
        {
            end++;
        }

        var table = new MarkdownBuilder();
        FeedbackReport.CheckRows(table, checks);
        lines.RemoveRange(rows, Math.Min(end, lines.Count) - rows);
        lines.InsertRange(rows, table.ToString().TrimEnd('\n').Split('\n'));
    }
}
