using System.Net;
using System.Text.RegularExpressions;

namespace Course.Grader.Tests.Web;

/// <summary>
/// Signs in through <c>/login</c> as a browser does (the form's antiforgery cookie and field, then the token),
/// over a client that keeps no cookies, so the test sees the Set-Cookie lines and sends cookies itself.
/// </summary>
internal static partial class PageSignIn
{
    public const string SessionCookie = "course_session";

    /// <summary>The answer to the sign-in form posted with <paramref name="token"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string token)
    {
        using var form = await client.GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var antiforgery = SetCookies(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var (name, value) = AntiforgeryField(await form.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent([new(name, value), new("token", token)]),
        };
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        return await client.SendAsync(request);
    }

    /// <summary>Signs in and returns the session cookie as a browser sends it back (<c>course_session=...</c>).</summary>
    public static async Task<string> SessionAsync(HttpClient client, string token)
    {
        using var response = await PostAsync(client, token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return SessionSetCookie(response)!.Split(';')[0];
    }

    /// <summary>
    /// Opens the page at <paramref name="path"/> with <paramref name="session"/>, as a browser does before it posts one of the page's
    /// forms: the cookies that post carries (the session and the page's antiforgery cookie) and the form's antiforgery field.
    /// </summary>
    public static async Task<(string Cookies, (string Name, string Value) Field)> FormAsync(HttpClient client, string path, string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", session);
        using var page = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var antiforgery = SetCookies(page).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        return ($"{session}; {antiforgery}", AntiforgeryField(await page.Content.ReadAsStringAsync()));
    }

    /// <summary>The Set-Cookie line of the session cookie, or null when there is none.</summary>
    public static string? SessionSetCookie(HttpResponseMessage response) =>
        SetCookies(response).SingleOrDefault(c => c.StartsWith($"{SessionCookie}=", StringComparison.Ordinal));

    /// <summary>The attributes of a Set-Cookie line after its value, lower-case (<c>secure</c>, <c>samesite=strict</c>, ...).</summary>
    public static IReadOnlyList<string> Attributes(string setCookie) =>
        setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();

    /// <summary>The first hidden field of a page, the antiforgery token its forms carry: its name and decoded value.</summary>
    public static (string Name, string Value) AntiforgeryField(string page)
    {
        var field = HiddenField().Match(page);
        Assert.True(field.Success, "the page has no antiforgery field");
        return (field.Groups["name"].Value, WebUtility.HtmlDecode(field.Groups["value"].Value));
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]+)" ?/?>""")]
    private static partial Regex HiddenField();
}
