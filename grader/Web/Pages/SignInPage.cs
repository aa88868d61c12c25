using Course.Grader.Web.Auth;

namespace Course.Grader.Web.Pages;

/// <summary><c>/login</c> and <c>/logout</c>: sign in with the token <c>grader users token LOGIN</c> printed.</summary>
internal static class SignInPage
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/login", (HttpContext context) => Form(context, problem: null));
        routes.MapPost("/login", SignInAsync);
        routes.MapPost("/logout", (Delegate)SignOutAsync);
        return routes;
    }

    private static IResult Form(HttpContext context, string? problem) => Html.Page(context, "Sign in", $"""
        {(problem is null ? "" : $"""<p class="error">{Html.Text(problem)}</p>""")}
        <p>Paste the token your course staff gave you (<code>grader users token LOGIN</code> prints one).</p>
        <form method="post" action="/login">
        {Antiforgery.Field(context)}
        <label>Token <input type="password" name="token" autocomplete="off" required size="50"></label>
        <button>Sign in</button>
        </form>
        """, problem is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);

    private static async Task<IResult> SignInAsync(HttpContext context, ActiveTokens tokens, TimeProvider time)
    {
        if (!await Antiforgery.IsValidAsync(context))
        {
            return Form(context, "The form expired; please sign in again.");
        }

        var token = (await context.Request.ReadFormAsync(context.RequestAborted))["token"].ToString().Trim();
        if (token.Length == 0 || await tokens.FindAsync(token, context.RequestAborted) is not { } stored)
        {
            return Form(context, "This token is unknown, revoked or expired; ask your course staff for a new one.");
        }

        SessionCookie.Set(context, token, stored.ExpiresAt - time.GetUtcNow());
        return Results.Redirect("/");
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        if (await Antiforgery.IsValidAsync(context))
        {
            SessionCookie.Clear(context);
        }

        return Results.Redirect("/");
    }
}
