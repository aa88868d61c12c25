namespace Course.Grader.Web.Auth;

/// <summary>
/// The browser's copy of an API token after sign-in: HttpOnly (no script reads it), SameSite=Strict
/// (no other site's form or link sends it), Secure when the request came over HTTPS (directly or through
/// a trusted proxy, <see cref="Hosting.TrustedProxies"/>). It lasts no longer than its token; the token
/// is checked at every request, so revoking it ends the session at once.
/// </summary>
internal static class SessionCookie
{
    public const string Name = "course_session";

    /// <summary>A browser that stays signed in longer than this should sign in again.</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromDays(30);

    public static void Set(HttpContext context, string token, TimeSpan tokenLeft) =>
        context.Response.Cookies.Append(Name, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = tokenLeft < Longest ? tokenLeft : Longest,
        });

    public static void Clear(HttpContext context) => context.Response.Cookies.Delete(Name, new CookieOptions { Path = "/" });
}
