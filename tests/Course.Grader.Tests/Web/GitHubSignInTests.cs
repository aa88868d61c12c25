using System.Net;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// Sign in with GitHub against a real <c>grader serve</c> host on Kestrel and a local server playing GitHub's OAuth
/// endpoints: a roster or staff login gets the token sign-in's session cookie, anyone else a page refusing them, and a
/// callback whose state was not issued to this browser (a forged login, CSRF) is refused before GitHub is asked.
/// </summary>
public sealed class GitHubSignInTests : IAsyncLifetime
{
    private FakeGitHubOAuth _github = null!;
    private WebTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubOAuth.StartAsync();
        _bed = await WebTestBed.StartOnKestrelAsync(new FakeTimeProvider(), TestCourse.CreateAsync(students: ["ana", "ben"]),
            _github.Settings);
    }

    public async Task DisposeAsync()
    {
        await _bed.DisposeAsync();
        await _github.DisposeAsync();
    }

    [Theory]
    [InlineData("ana", "Your submissions")]
    [InlineData("prof", "Latest submissions")]
    public async Task SignIn_RosterOrStaffLogin_GetsTheSessionCookie(string login, string heading)
    {
        _github.Login = login;

        using var callback = await ThroughGitHubAsync();

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var session = PageSignIn.SessionSetCookie(callback);
        Assert.NotNull(session);
        Assert.Contains("httponly", PageSignIn.Attributes(session));
        Assert.Contains("samesite=strict", PageSignIn.Attributes(session));
        var home = await GetAsync("/", session.Split(';')[0]);
        Assert.Contains(login, home, StringComparison.Ordinal);
        Assert.Contains(heading, home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_GitHubUserNotInTheCourse_IsRefusedWithAPage()
    {
        _github.Login = "mallory";

        using var callback = await ThroughGitHubAsync();

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        Assert.Null(PageSignIn.SessionSetCookie(callback));
        Assert.Contains("The GitHub account &#x27;mallory&#x27; is not on this course&#x27;s roster or staff list",
            await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("course_github_state=0000")]
    public async Task Callback_StateNotIssuedToThisBrowser_IsRefusedBeforeGitHubIsAsked(string? stateCookie)
    {
        // The attacker's own code and state, sent through the victim's browser (which holds no or another state).
        using var start = await SendAsync("/login/github", cookie: null);
        var attackerState = QueryOf(start.Headers.Location!)["state"];

        using var callback = await SendAsync($"/login/github/callback?code=attackers-code&state={attackerState}", stateCookie);

        Assert.Equal(HttpStatusCode.BadRequest, callback.StatusCode);
        Assert.Null(PageSignIn.SessionSetCookie(callback));
        Assert.Contains("was not started here or has expired", await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _github.TokenRequests);
    }

    [Fact]
    public async Task Callback_CodeGitHubRefuses_SaysWhyAndSignsNobodyIn()
    {
        using var start = await SendAsync("/login/github", cookie: null);
        var state = QueryOf(start.Headers.Location!)["state"];

        using var callback = await SendAsync($"/login/github/callback?code=used-code&state={state}", StateCookie(start));

        Assert.Equal(HttpStatusCode.BadRequest, callback.StatusCode);
        Assert.Null(PageSignIn.SessionSetCookie(callback));
        Assert.Contains("The code passed is incorrect or expired.", await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, _github.TokenRequests);
    }

    /// <summary>The browser's way: the grader sends it to GitHub, GitHub back to the grader's callback with the state cookie.</summary>
    private async Task<HttpResponseMessage> ThroughGitHubAsync()
    {
        using var start = await SendAsync("/login/github", cookie: null);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith(new Uri(_github.Address, "login/oauth/authorize").ToString(), start.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var github = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var consent = await github.GetAsync(start.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var back = consent.Headers.Location!;
        Assert.Equal(_bed.Client.BaseAddress!.Authority, back.Authority);
        return await SendAsync(back.PathAndQuery, StateCookie(start));
    }

    private static string StateCookie(HttpResponseMessage start) =>
        start.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("course_github_state=", StringComparison.Ordinal)).Split(';')[0];

    private async Task<HttpResponseMessage> SendAsync(string path, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await _bed.Client.SendAsync(request);
    }

    private async Task<string> GetAsync(string path, string cookie)
    {
        using var response = await SendAsync(path, cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static Dictionary<string, string> QueryOf(Uri uri) =>
        uri.Query.TrimStart('?').Split('&').Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]), StringComparer.Ordinal);
}
