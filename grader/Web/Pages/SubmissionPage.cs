using System.Globalization;
using Course.Assignments.Courses;
using Course.Assignments.Roster;
using Course.Core.Errors;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Course.Grader.Web.Api;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Grader.Web.Pages;

/// <summary>
/// <c>/submissions/{id}</c>: a submission's latest feedback report (its Markdown as a page, with the
/// pictures beside it, e.g. the training curve), for its owner, their team and staff.
/// <c>/submissions/{id}/files/{name}</c> serves a file of that run's folder by plain name only. While a run is
/// queued the page shows its place and expected result time; on an assignment with a smoke section it offers the
/// submit action (<c>POST /submissions/{id}/submit</c>) until the full run is queued.
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
        routes.MapPost("/submissions/{id:guid}/submit", SubmitAsync);
        return routes;
    }

    private static async Task<IResult> ShowAsync(Guid id, HttpContext context, GraderDbContext grader, IRoster roster, QueueEstimate estimate,
        ICourseProvider course)
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
        var runs = await SubmissionsApi.RunsAsync(grader, estimate, id, context.RequestAborted);
        var queued = runs.Where(r => r.Position is not null).Select(r => $"""<p class="notice">{Html.Text(r.Text)}</p>""").ToList();
        if (course.Course.FindAssignment(submission.Assignment)?.Smoke is not null && runs.All(r => r.Tier != "full"))
        {
            queued.Add($"""<form method="post" action="/submissions/{id}/submit">{Antiforgery.Field(context)}<button>Submit for grading</button> <span class="muted">queues the graded full run of this commit</span></form>""");
        }
        if (result is null || !File.Exists(result.FeedbackPath))
        {
            return Html.Page(context, title, string.Create(CultureInfo.InvariantCulture,
                $"""<p class="notice">Received {submission.ReceivedAt:yyyy-MM-dd HH:mm} UTC; not graded yet. This page reloads itself and shows the feedback once it is.</p>""")
                + string.Concat(queued), refreshSeconds: WaitingRefreshSeconds);
        }

        var document = Markdig.Markdown.Parse(await File.ReadAllTextAsync(result.FeedbackPath, context.RequestAborted), Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => IsPlainName(l.Url)))
        {
            link.Url = $"/submissions/{id}/files/{Uri.EscapeDataString(link.Url!)}";
        }

        // The report opens with the same heading the page already shows.
        if (document.FirstOrDefault() is HeadingBlock { Level: 1 } heading)
        {
            document.Remove(heading);
        }

        return Html.Page(context, title, string.Concat(queued) + document.ToHtml(Pipeline));
    }

    /// <summary>The submit action of the page: queues the full run and shows the page again, or says why it was refused.</summary>
    private static async Task<IResult> SubmitAsync(Guid id, HttpContext context, GraderDbContext grader, IRoster roster, GradeRequests requests)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Results.Redirect("/login");
        }

        if (!await Antiforgery.IsValidAsync(context))
        {
            return Html.Page(context, "Not submitted", """<p class="error">The form expired; please try again.</p>""", StatusCodes.Status400BadRequest);
        }

        var (submission, _) = await SubmissionsApi.FindVisibleAsync(id, context.User, grader, roster, context.RequestAborted);
        if (submission is null)
        {
            return Html.Page(context, "Submission not found", """<p class="muted">No such submission, or it is not yours.</p>""", StatusCodes.Status404NotFound);
        }

        try
        {
            await requests.RequestAsync(submission.Assignment, submission.Owner, submission.Commit, JobTier.Full, context.RequestAborted);
        }
        catch (BadInputException refused)
        {
            return Html.Page(context, "Not submitted",
                $"""<p class="error">{Html.Text(refused.Message)}</p><p><a href="/submissions/{id}">Back to the submission</a></p>""",
                StatusCodes.Status400BadRequest);
        }

        return Results.Redirect($"/submissions/{id}");
    }

    private static async Task<IResult> FileAsync(Guid id, string name, HttpContext context, GraderDbContext grader, IRoster roster)
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

        var file = new FileInfo(Path.Combine(Path.GetDirectoryName(result.FeedbackPath)!, name));
        // Run folders hold what a container wrote: only regular files, never a link out of the folder.
        if (!file.Exists || file.LinkTarget is not null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = Html.SecurityPolicy;
        return Results.File(file.FullName, type);
    }

    private static bool IsPlainName(string? name) =>
        name is { Length: > 0 } && name.IndexOfAny(['/', '\\', ':', '?', '#', '\0']) < 0 && name is not ("." or "..") && !name.StartsWith('.');
}
