using Course.Grader.Web.Auth;
using Course.Grader.Web.Data;

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

    private static async Task<IResult> SignInAsync(HttpContext context, WebDbContext db)
    {
        if (!await Antiforgery.IsValidAsync(context))
        {
            return Form(context, "The form expired; please sign in again.");
        }

        var token = (await context.Request.ReadFormAsync(context.RequestAborted))["token"].ToString().Trim();
        if (token.Length == 0 || await TokenHasher.LoginOfAsync(db, token, context.RequestAborted) is null)
        {
            return Form(context, "This token is unknown.");
        }

        SessionCookie.Set(context, token);
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
