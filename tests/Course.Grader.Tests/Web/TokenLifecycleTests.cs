using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// Tokens expire and can be revoked, and both end every way of signing in at once: the bearer header, the
/// sign-in form and a session cookie already in a browser. The API takes only the bearer header, so another
/// site cannot use a signed-in browser's cookie against it. Real Kestrel; the server and the command line
/// share the test's clock.
/// </summary>
public sealed class TokenLifecycleTests : IAsyncLifetime
{
    private const string Uploads = $"/api/leaderboard/{TestCourse.Competition}/submissions";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 10, 5, 12, 0, 0, TimeSpan.Zero));
    private WebTestBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await WebTestBed.StartOnKestrelAsync(_clock, TestCourse.CreateAsync(_clock, competition: true, students: ["ana", "ben"]));

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Api_RevokedToken_Returns401()
    {
        var (token, id) = await _bed.IssueAsync("ana");
        var before = await MeAsync(token);

        var (exit, output, error) = await _bed.Course.RunAsync("users", "revoke", id);

        Assert.True(exit == 0, error);
        Assert.Contains($"revoked {id} of ana", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token));
    }

    [Fact]
    public async Task Api_ExpiredToken_Returns401()
    {
        var (token, _) = await _bed.IssueAsync("ana", "--expires", "1d");
        _clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        var lastSecond = await MeAsync(token);

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, lastSecond);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token));
    }

    [Theory]
    [InlineData("revoke")]
    [InlineData("expire")]
    public async Task Pages_SessionOfARevokedOrExpiredToken_EndsAtOnce(string ending)
    {
        var (token, id) = await _bed.IssueAsync("ana", "--expires", "2d");
        var session = await PageSignIn.SessionAsync(_bed.Client, token);
        var signedIn = await HomeAsync(session);

        if (ending == "revoke")
        {
            Assert.Equal(0, (await _bed.Course.RunAsync("users", "revoke", id)).Exit);
        }
        else
        {
            _clock.Advance(TimeSpan.FromDays(2));
        }

        Assert.Contains("Sign out", signedIn, StringComparison.Ordinal);
        var after = await HomeAsync(session);
        Assert.DoesNotContain("Sign out", after, StringComparison.Ordinal);
        Assert.Contains("""<a href="/login">Sign in</a>""", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ExpiredToken_IsRefusedWithoutASession()
    {
        var (token, _) = await _bed.IssueAsync("ana", "--expires", "12h");
        _clock.Advance(TimeSpan.FromHours(12));

        using var response = await PageSignIn.PostAsync(_bed.Client, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(PageSignIn.SessionSetCookie(response));
        Assert.Contains("revoked or expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ShortLivedToken_CookieEndsWithTheToken()
    {
        var (token, _) = await _bed.IssueAsync("ana", "--expires", "12h");

        using var response = await PageSignIn.PostAsync(_bed.Client, token);

        Assert.Contains("max-age=43200", PageSignIn.Attributes(PageSignIn.SessionSetCookie(response)!));
    }

    [Theory]
    [InlineData(Uploads)]
    [InlineData($"/API/leaderboard/{TestCourse.Competition}/submissions")]
    public async Task Api_UploadWithOnlyTheSessionCookie_IsRefusedAndRecordsNothing(string path)
    {
        var token = await _bed.TokenAsync("ana");
        var session = await PageSignIn.SessionAsync(_bed.Client, token);

        // What a page on another site can make a signed-in browser send: the cookie, never the header.
        using var forged = new HttpRequestMessage(HttpMethod.Post, path) { Content = Csv() };
        forged.Headers.Add("Cookie", session);
        forged.Headers.Add("Origin", "https://evil.example");
        using var refused = await _bed.Client.SendAsync(forged);
        var boardAfterForgery = await BoardRowsAsync(token);
        using var bearer = new HttpRequestMessage(HttpMethod.Post, Uploads) { Content = Csv() };
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var accepted = await _bed.Client.SendAsync(bearer);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(0, boardAfterForgery);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(1, await BoardRowsAsync(token));
    }

    [Fact]
    public async Task Api_ReadWithOnlyTheSessionCookie_Returns401WhileThePagesAcceptIt()
    {
        var session = await PageSignIn.SessionAsync(_bed.Client, await _bed.TokenAsync("ana"));
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Add("Cookie", session);

        using var response = await _bed.Client.SendAsync(me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Sign out", await HomeAsync(session), StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> MeAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _bed.Client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<string> HomeAsync(string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", session);
        using var response = await _bed.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<int> BoardRowsAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/leaderboard/{TestCourse.Competition}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _bed.Client.SendAsync(request);
        using var board = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return board.RootElement.GetProperty("rows").GetArrayLength();
    }

    private static StringContent Csv() => new("id,label\n1,a\n2,a\n3,a\n4,b\n", Encoding.UTF8, "text/csv");
}
