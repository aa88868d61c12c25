namespace Course.Grader.Web.Auth;

/// <summary>
/// The browser's copy of an API token after sign-in: HttpOnly (no script reads it), SameSite=Strict
/// (no other site's form or link sends it), Secure when served over HTTPS.
/// </summary>
internal static class SessionCookie
{
    public const string Name = "course_session";

    public static void Set(HttpContext context, string token) =>
        context.Response.Cookies.Append(Name, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromDays(30),
        });

    public static void Clear(HttpContext context) => context.Response.Cookies.Delete(Name, new CookieOptions { Path = "/" });
}
