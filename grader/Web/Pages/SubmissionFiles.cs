using Course.Assignments.Roster;
using Course.Grader.Storage;
using Course.Grader.Submissions;
using Course.Grader.Web.Api;

namespace Course.Grader.Web.Pages;

/// <summary>
/// <c>/submissions/{id}/files/{name}</c>: one of the submission's latest run's kept files, served from the store by the
/// plain name the report links it by (<see cref="RunFileNames"/>); any <c>grader serve</c> of the course serves any of them.
/// </summary>
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

        PageSecurity.Apply(context.Response);
        return Results.Stream(content, type);
    }
}
