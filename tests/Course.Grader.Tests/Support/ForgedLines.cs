using System.Text.RegularExpressions;
using Course.Grader.Web.Pages;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Grader.Tests.Support;

/// <summary>
/// Asserts that a feedback report has only the structure the grader writes: its own headings, one verdict
/// and one score line, three-cell table rows, no link but the curve, no HTML, as the report reads raw
/// and as the submission page parses and renders it.
/// </summary>
internal static partial class ForgedLines
{
    private static readonly HashSet<string> Sections = ["## Checks", "## Training", "## Rejected outputs",
        "## Not included from your repository", "## stdout (last lines)", "## stderr (last lines)"];

    public static void AssertNone(string report)
    {
        Assert.DoesNotContain('\r', report);
        var document = Markdown.Parse(report, FeedbackReport.Pipeline);
        var outsideCode = report.ToCharArray();
        foreach (var code in document.Descendants<CodeBlock>())
        {
            for (var i = code.Span.Start; i <= code.Span.End; i++)
            {
                outsideCode[i] = outsideCode[i] == '\n' ? '\n' : ' ';
            }
        }

        var lines = new string(outsideCode).Split('\n');
        Assert.All(lines.Where(l => l.TrimStart().StartsWith('#')), line => Assert.True(IsOwnHeading(line), $"forged heading: {line}"));
        Assert.All(document.Descendants<HeadingBlock>(), h => Assert.True(IsOwnHeading(report.Substring(h.Span.Start, h.Span.Length)),
            $"forged heading: {report.Substring(h.Span.Start, h.Span.Length)}"));
        Assert.Equal(2, lines.Count(l => VerdictOrScore().IsMatch(l)));
        Assert.Single(lines, l => l.StartsWith("- Verdict: **", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("- Score: **", StringComparison.Ordinal));
        Assert.All(document.Descendants<TableRow>(), row => Assert.Equal(3, row.Count));
        Assert.All(document.Descendants<LinkInline>(), link => Assert.Equal("loss-curve.png", link.Url));
        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.Empty(document.Descendants<HtmlInline>());
        Assert.DoesNotContain("<script", document.ToHtml(FeedbackReport.Pipeline), StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsOwnHeading(string line) => Sections.Contains(line) || TitleHeading().IsMatch(line);

    [GeneratedRegex(@"^# hw1: [a-z]+ @ [0-9a-f]+$")]
    private static partial Regex TitleHeading();

    // A line that reads as a verdict or score, whatever Markdown marks (list, quote, table, emphasis) precede it.
    [GeneratedRegex(@"^[\s\-*+>|#_`~]*(Verdict|Score)[\s*_`]*[:|]", RegexOptions.IgnoreCase)]
    private static partial Regex VerdictOrScore();
}
