using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;
using Course.Grader.Web.Auth;
using Microsoft.AspNetCore.WebUtilities;

namespace Course.Grader.Web.Hosting;

/// <summary>
/// The body of an error response that has none yet (a refused or unknown request): under <c>/api</c> the problem details
/// the API documents; on the pages a browser shows, a short HTML page that says what happened and what to do (sign in,
/// or ask the course staff), with the same status.
/// </summary>
internal static class PageStatusCodes
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (CourseAuthentication.IsApi(http.Request))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = status } });
            return;
        }

        var login = http.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;
        var message = status switch
        {
            StatusCodes.Status401Unauthorized => "Sign in to see this page.",
            StatusCodes.Status403Forbidden when login is not null =>
                $"You are signed in as {login}, and this page is for course staff whose role allows it. If you should see it, ask an instructor.",
            StatusCodes.Status403Forbidden => "This page is for course staff. Sign in with your course account.",
            StatusCodes.Status404NotFound => "There is no such page.",
            _ => ReasonPhrases.GetReasonPhrase(status),
        };
        var link = login is null ? "<a href=\"/login\">Sign in</a> · " : "";
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{status} {WebUtility.HtmlEncode(ReasonPhrases.GetReasonPhrase(status))} · Course</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 64rem; margin: 0 auto; padding: 1rem">
            <p><a href="/"><strong>Course</strong></a></p>
            <p class="error">{HtmlEncoder.Default.Encode(message)}</p>
            <p>{link}<a href="/">Back to the course</a></p>
            </body>
            </html>
            """);
    }
}
