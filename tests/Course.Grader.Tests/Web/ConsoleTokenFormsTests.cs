using System.Net;
using System.Text.RegularExpressions;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// The console's token forms over a real socket with the instructor's session cookie: a token issued on the page is shown once
/// and signs its login in to the API until it is revoked on the same page; a form without the page's antiforgery token issues nothing.
/// </summary>
public sealed partial class ConsoleTokenFormsTests : IAsyncLifetime
{
    private WebTestBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await WebTestBed.StartOnKestrelAsync(new FakeTimeProvider(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero)),
            TestCourse.CreateAsync(students: ["ana"]));

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task IssueThenRevoke_OnTheTokensPage_TokenSignsAnaInUntilRevokedAndForgedFormIssuesNothing()
    {
        var session = await PageSignIn.SessionAsync(_bed.Client, await _bed.TokenAsync("prof"));
        var (cookies, field) = await PageSignIn.FormAsync(_bed.Client, "/console/tokens", session);

        using var forged = await SendAsync(HttpMethod.Post, "/console/tokens", session, [new("login", "ana"), new("expires", "12h")]);
        using var issued = await SendAsync(HttpMethod.Post, "/console/tokens", cookies, [new(field.Name, field.Value), new("login", "ana"), new("expires", "12h")]);
        var issuedPage = await issued.Content.ReadAsStringAsync();
        var shown = IssuedNotice().Match(issuedPage);
        Assert.True(shown.Success, issuedPage);
        var (id, token) = (shown.Groups["id"].Value, shown.Groups["token"].Value);
        var signedIn = await MeAsync(token);
        using var revoked = await SendAsync(HttpMethod.Post, $"/console/tokens/{id}/revoke", cookies, [new(field.Name, field.Value)]);
        var afterRevoke = await MeAsync(token);
        using var listed = await SendAsync(HttpMethod.Get, "/console/tokens", session, null);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Contains("until 2026-10-20 21:00 UTC", shown.Value, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signedIn);
        Assert.Contains($"Token {id} of ana is revoked.", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke);
        var list = await listed.Content.ReadAsStringAsync();
        // One token of ana (the forged form issued none), listed as revoked and never shown again.
        Assert.Single(Regex.Matches(list, "<td>ana</td>"));
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);
        Assert.Contains("revoked", list, StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> MeAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await _bed.Client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string cookies, IEnumerable<KeyValuePair<string, string>>? form)
    {
        using var request = new HttpRequestMessage(method, path) { Content = form is null ? null : new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", cookies);
        return await _bed.Client.SendAsync(request);
    }

    [GeneratedRegex(@"Token (?<id>[^ ]+) of ana, until [0-9-]+ [0-9:]+ UTC: (?<token>[^ ]+) \(shown this once\)")]
    private static partial Regex IssuedNotice();
}
