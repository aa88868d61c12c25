using Course.Assignments.Roster;
using Course.Grader.Submissions;
using Course.Grader.Web.Api;

namespace Course.Grader.Web.Pages;

/// <summary><c>/submissions/{id}/files/{name}</c>: a file of the submission's latest run folder, by plain name only.</summary>
internal static class SubmissionFiles
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".md"] = "text/markdown; charset=utf-8",
        [".jsonl"] = "text/plain; charset=utf-8",
        [".json"] = "text/plain; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".csv"] = "text/plain; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapSubmissionFiles(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/submissions/{id:guid}/files/{name}", FileAsync);
        return routes;
    }

    public static bool IsPlainName(string? name) =>
        name is { Length: > 0 } && name.IndexOfAny(['/', '\\', ':', '?', '#', '\0']) < 0 && name is not ("." or "..") && !name.StartsWith('.');

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

        PageSecurity.Apply(context.Response);
        return Results.File(file.FullName, type);
    }
}
