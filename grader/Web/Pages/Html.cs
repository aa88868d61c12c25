using System.Text.Encodings.Web;
using Course.Core.Errors;

namespace Course.Grader.Web.Pages;

/// <summary>
/// The shell every page shares, and encoding: every value that comes from a user (a team name, a
/// login, a student's log) goes through <see cref="Text"/>, and the answer forbids scripts
/// (Content-Security-Policy), so nothing a student writes can run in a TA's browser.
/// </summary>
internal static class Html
{
    public const string SecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

    public static string Text(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>Runs a page; a failure the user can act on (unknown assignment, closed board) becomes a page naming it, with its status.</summary>
    public static async Task<IResult> OrProblemAsync(HttpContext context, Func<Task<IResult>> page)
    {
        try
        {
            return await page();
        }
        catch (CourseException failure)
        {
            return Page(context, failure.HttpStatus == StatusCodes.Status404NotFound ? "Not found" : "Cannot show this page",
                $"""<p class="error">{Text(failure.Message)}</p><p><a href="/">Back to the course</a></p>""", failure.HttpStatus);
        }
    }

    /// <param name="refreshSeconds">Reload the page after this long (a page waiting for a result), or never when null.</param>
    public static IResult Page(HttpContext context, string title, string body, int status = StatusCodes.Status200OK, int? refreshSeconds = null)
    {
        context.Response.Headers.ContentSecurityPolicy = SecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var user = context.User.Identity is { IsAuthenticated: true, Name: { } login }
            ? $"""{Text(login)} · <form method="post" action="/logout" class="inline">{Antiforgery.Field(context)}<button>Sign out</button></form>"""
            : """<a href="/login">Sign in</a>""";
        return Results.Content($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            {{(refreshSeconds is { } seconds ? $"<meta http-equiv=\"refresh\" content=\"{seconds}\">" : "")}}
            <title>{{Text(title)}} · Course</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 64rem; padding: 1rem; color: #1d1d1f; }
            header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 1px solid #ddd; margin-bottom: 1rem; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
            th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #eee; }
            td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
            .up { color: #11772d; } .down { color: #b3261e; } .muted { color: #666; }
            .notice { background: #f3f6fb; border-left: 4px solid #4a78c2; padding: .5rem .8rem; }
            .error { background: #fbf3f3; border-left: 4px solid #b3261e; padding: .5rem .8rem; }
            form.inline { display: inline; }
            .nowrap { white-space: nowrap; }
            pre { background: #f6f6f6; padding: .6rem; overflow-x: auto; }
            img { max-width: 100%; }
            </style>
            </head>
            <body>
            <header><a href="/"><strong>Course</strong></a><span>{{user}}</span></header>
            <main>
            <h1>{{Text(title)}}</h1>
            {{body}}
            </main>
            </body>
            </html>
            """, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
