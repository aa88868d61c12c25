using System.Globalization;
using Course.Assignments.Roster;
using Course.Grader.Storage;
using Course.Grader.Submissions;
using Course.Grader.Web.Api;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Grader.Web.Pages;

/// <summary>
/// <c>/submissions/{id}</c>: a submission's latest feedback report (its Markdown as a page, with the
/// pictures it links, e.g. the training curve), for its owner, their team and staff.
/// <c>/submissions/{id}/files/{name}</c> serves one of that run's kept files from the store by its plain name
/// (<see cref="RunFileNames"/>); any <c>grader serve</c> of the course serves any of them.
/// </summary>
internal static class SubmissionPage
{
    private const int WaitingRefreshSeconds = 5;

    // Raw HTML in a report (a student's log lines end up there) is shown as text, never as markup.
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".md"] = "text/markdown; charset=utf-8",
        [".jsonl"] = "text/plain; charset=utf-8",
        [".json"] = "text/plain; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".csv"] = "text/plain; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapSubmissionPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/submissions/{id:guid}", ShowAsync);
        routes.MapGet("/submissions/{id:guid}/files/{name}", FileAsync);
        return routes;
    }

    private static async Task<IResult> ShowAsync(Guid id, HttpContext context, GraderDbContext grader, IRoster roster, IBlobStore store)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Results.Redirect("/login");
        }

        var (submission, result) = await SubmissionsApi.FindVisibleAsync(id, context.User, grader, roster, context.RequestAborted);
        if (submission is null)
        {
            return Html.Page(context, "Submission not found", """<p class="muted">No such submission, or it is not yours.</p>""", StatusCodes.Status404NotFound);
        }

        var title = $"{submission.Assignment}: {submission.Owner} @ {ShortCommit.Of(submission.Commit)}";
        var feedback = result?.FeedbackKey is { } key ? await store.ReadTextAsync(key, context.RequestAborted) : null;
        if (feedback is null)
        {
            return Html.Page(context, title, string.Create(CultureInfo.InvariantCulture,
                $"""<p class="notice">Received {submission.ReceivedAt:yyyy-MM-dd HH:mm} UTC; not graded yet. This page reloads itself and shows the feedback once it is.</p>"""),
                refreshSeconds: WaitingRefreshSeconds);
        }

        var document = Markdig.Markdown.Parse(feedback, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => IsPlainName(l.Url)))
        {
            link.Url = $"/submissions/{id}/files/{Uri.EscapeDataString(link.Url!)}";
        }

        // The report opens with the same heading the page already shows.
        if (document.FirstOrDefault() is HeadingBlock { Level: 1 } heading)
        {
            document.Remove(heading);
        }

        return Html.Page(context, title, document.ToHtml(Pipeline));
    }

    private static async Task<IResult> FileAsync(Guid id, string name, HttpContext context, GraderDbContext grader, IRoster roster,
        IBlobStore store)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Results.Unauthorized();
        }

        var (submission, result) = await SubmissionsApi.FindVisibleAsync(id, context.User, grader, roster, context.RequestAborted);
        if (submission is null || result is null || !IsPlainName(name) || !ContentTypes.TryGetValue(Path.GetExtension(name), out var type))
        {
            return Results.NotFound();
        }

        var content = RunFileNames.KeyOf(result, name) is { } key ? await store.OpenAsync(key, context.RequestAborted) : null;
        if (content is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = Html.SecurityPolicy;
        return Results.Stream(content, type);
    }

    private static bool IsPlainName(string? name) =>
        name is { Length: > 0 } && name.IndexOfAny(['/', '\\', ':', '?', '#', '\0']) < 0 && name is not ("." or "..") && !name.StartsWith('.');
}
