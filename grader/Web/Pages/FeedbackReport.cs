using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;

namespace Course.Grader.Web.Pages;

/// <summary>A feedback report's Markdown as the submission page shows it: the only markup a page takes from a file.</summary>
internal static class FeedbackReport
{
    // Raw HTML in a report (a student's log lines end up there) is shown as text, never as markup.
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>The report as HTML, its links to files of the run (the training curve) pointing at <see cref="SubmissionFiles"/>.</summary>
    public static MarkupString ToHtml(Guid submission, string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => SubmissionFiles.IsPlainName(l.Url)))
        {
            link.Url = $"/submissions/{submission}/files/{Uri.EscapeDataString(link.Url!)}";
        }

        // The report opens with the same heading the page already shows.
        if (document.FirstOrDefault() is HeadingBlock { Level: 1 } heading)
        {
            document.Remove(heading);
        }

        return new MarkupString(document.ToHtml(Pipeline));
    }
}
