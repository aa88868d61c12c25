using System.Security.Cryptography;
using System.Text;
using Course.Assignments.Roster;
using Course.Grader.Web.Api;
using Course.Grader.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Pages;

/// <summary>
/// Sign in with GitHub (OAuth web flow, <see cref="GitHubOAuthOptions"/>): <c>/login/github</c> sends the browser to
/// GitHub with a random state, also kept in a short-lived cookie; <c>/login/github/callback</c> checks that the state
/// came back unchanged (else a forged or replayed callback: 400, GitHub is never asked), trades the code for the
/// user's login, and signs in a login on the roster or course.json's staff with the same session cookie as the
/// token sign-in (a new token of <see cref="SessionLifetime"/>). Anyone else is refused with a page saying so (403).
/// </summary>
internal static class GitHubSignIn
{
    /// <summary>How long a sign-in with GitHub lasts: the lifetime of the token behind its session cookie.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(7);

    private const string StateCookie = "course_github_state";

    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapGitHubSignIn(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/login/github", Start);
        routes.MapGet("/login/github/callback", FinishAsync);
        return routes;
    }

    private static IResult Start(HttpContext context, GitHubOAuthOptions options, FeedbackLinks links)
    {
        if (!options.Enabled)
        {
            return Results.NotFound();
        }

        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        // Lax, not Strict: the way back is a navigation from GitHub's site, which must carry the cookie.
        context.Response.Cookies.Append(StateCookie, state, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, Path = "/login/github", MaxAge = StateLifetime,
        });
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["client_id"] = options.ClientId, ["redirect_uri"] = CallbackUri(context, links).ToString(), ["state"] = state,
            ["allow_signup"] = "false",
        });
        return Results.Redirect(options.AuthorizeUrl + query.ToUriComponent());
    }

    private static async Task<IResult> FinishAsync(string? code, string? state, HttpContext context, GitHubOAuthOptions options,
        FeedbackLinks links, GitHubOAuthClient github, IRoster roster, TokenIssuer issuer, ILogger<GitHubOAuthClient> logger)
    {
        if (!options.Enabled)
        {
            return Results.NotFound();
        }

        var expected = context.Request.Cookies[StateCookie];
        context.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/login/github" });
        if (expected is null || state is null || code is not { Length: > 0 }
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(state)))
        {
            return Refused("This sign-in with GitHub was not started here or has expired; please sign in again.",
                StatusCodes.Status400BadRequest);
        }

        string? login, refusal;
        try
        {
            (login, refusal) = await github.LoginOfAsync(options, code, CallbackUri(context, links), context.RequestAborted);
        }
        catch (HttpRequestException failure)
        {
            logger.LogWarning("Sign-in with GitHub failed: {Message}", failure.Message);
            return Refused($"GitHub could not be asked who you are ({failure.Message}); please try again.", StatusCodes.Status502BadGateway);
        }

        if (login is null)
        {
            return Refused($"GitHub did not sign you in: {refusal}", StatusCodes.Status400BadRequest);
        }

        if (roster.Staff(login) is null && await roster.StudentAsync(login, context.RequestAborted) is null)
        {
            logger.LogWarning("Sign-in with GitHub refused: {Login} is neither on the roster nor staff", login);
            return Refused($"The GitHub account '{login}' is not on this course's roster or staff list. "
                + "Sign in with the account you gave the course staff, or ask them to add it.", StatusCodes.Status403Forbidden);
        }

        var (token, _) = await issuer.IssueAsync(login, SessionLifetime, context.RequestAborted);
        SessionCookie.Set(context, token, SessionLifetime);
        return Results.Redirect("/");
    }

    /// <summary>Where GitHub sends the browser back: under <c>Web:PublicUrl</c> when set, else the address this request came to.</summary>
    private static Uri CallbackUri(HttpContext context, FeedbackLinks links) =>
        links.Resolve("login/github/callback") ?? new Uri($"{context.Request.Scheme}://{context.Request.Host}/login/github/callback");

    private static RazorComponentResult<SignInPage> Refused(string problem, int status) =>
        new(new { Message = PageMessage.Error(problem) }) { StatusCode = status };
}
