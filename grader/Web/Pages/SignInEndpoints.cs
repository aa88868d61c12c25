using Course.Grader.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Pages;

/// <summary>The sign-in form's <c>POST /login</c> and every page's <c>POST /logout</c>.</summary>
internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/login", SignInAsync).WithPageOrder();
        routes.MapPost("/logout", (Delegate)SignOutAsync);
        return routes;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, ActiveTokens tokens, TimeProvider time)
    {
        if (!await PageForms.IsValidAsync(context))
        {
            return Refused("The form expired; please sign in again.");
        }

        var token = (await context.Request.ReadFormAsync(context.RequestAborted))["token"].ToString().Trim();
        if (token.Length == 0 || await tokens.FindAsync(token, context.RequestAborted) is not { } stored)
        {
            return Refused("This token is unknown, revoked or expired; ask your course staff for a new one.");
        }

        SessionCookie.Set(context, token, stored.ExpiresAt - time.GetUtcNow());
        return Results.Redirect("/");
    }

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext context)
    {
        if (await PageForms.IsValidAsync(context))
        {
            SessionCookie.Clear(context);
        }

        return TypedResults.Redirect("/");
    }

    private static RazorComponentResult<SignInPage> Refused(string problem) =>
        new(new { Message = PageMessage.Error(problem) }) { StatusCode = StatusCodes.Status401Unauthorized };
}
