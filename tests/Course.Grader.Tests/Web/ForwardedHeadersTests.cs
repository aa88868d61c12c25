using Course.Core.Errors;
using Course.Grader.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// Behind a TLS-terminating proxy the session cookie is Secure, and only a configured proxy is believed:
/// a client that sends <c>X-Forwarded-Proto</c> or <c>X-Forwarded-For</c> itself changes nothing. Real Kestrel,
/// so the client address is the socket's (loopback).
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Echo = "/echo-request";

    /// <summary>Answers <see cref="Echo"/> (no route takes it) with the scheme and client address the server settled on.</summary>
    private static readonly RequestDelegate SchemeAndAddress = context =>
        context.Response.WriteAsync($"{context.Request.Scheme} {context.Connection.RemoteIpAddress}");

    [Theory]
    [InlineData("Web:KnownProxies", "127.0.0.1")]
    [InlineData("Web:KnownNetworks", "127.0.0.0/8")]
    [InlineData("Web:KnownProxies", "10.0.0.5, 127.0.0.1")]
    public async Task SignIn_HttpsForwardedByATrustedProxy_SessionCookieIsSecure(string setting, string value)
    {
        await using var bed = await StartAsync(new() { [setting] = value });
        var token = await bed.TokenAsync("ana");
        ForwardAsHttps(bed.Client);

        using var response = await PageSignIn.PostAsync(bed.Client, token);

        var cookie = PageSignIn.SessionSetCookie(response);
        Assert.NotNull(cookie);
        Assert.Contains("secure", PageSignIn.Attributes(cookie));
        Assert.Contains("httponly", PageSignIn.Attributes(cookie));
        Assert.Contains("samesite=strict", PageSignIn.Attributes(cookie));
        Assert.Equal("https 203.0.113.9", await bed.Client.GetStringAsync(Echo));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("10.0.0.5")]
    public async Task SignIn_ForgedForwardedProtoFromAnUntrustedClient_IsIgnored(string? proxies)
    {
        await using var bed = await StartAsync(new() { ["Web:KnownProxies"] = proxies });
        var token = await bed.TokenAsync("ana");
        ForwardAsHttps(bed.Client);

        using var response = await PageSignIn.PostAsync(bed.Client, token);

        var cookie = PageSignIn.SessionSetCookie(response);
        Assert.NotNull(cookie);
        Assert.DoesNotContain("secure", PageSignIn.Attributes(cookie));
        Assert.Contains("httponly", PageSignIn.Attributes(cookie));
        Assert.Equal("http 127.0.0.1", await bed.Client.GetStringAsync(Echo));
    }

    [Theory]
    [InlineData("Web:KnownProxies", "10.0.0.300", "Web:KnownProxies: '10.0.0.300' is not an IP address")]
    [InlineData("Web:KnownNetworks", "10.0.0.0/33", "Web:KnownNetworks: '10.0.0.0/33' is not a network")]
    public async Task Start_MistypedProxySetting_FailsNamingIt(string setting, string value, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(new() { [setting] = value }));

        var bad = Assert.IsType<BadInputException>(failure.GetBaseException());
        Assert.StartsWith(message, bad.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task MistypedProxySetting_Serve_ExitsTwoNamingIt()
    {
        using var course = await TestCourse.CreateAsync();
        course.Settings["Web:KnownProxies"] = "proxy.example";
        using var server = GraderProcess.Start(course, "serve", "--urls", "http://127.0.0.1:0");

        var exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.Contains("Web:KnownProxies: 'proxy.example' is not an IP address", server.Output, StringComparison.Ordinal);
    }

    private static Task<WebTestBed> StartAsync(Dictionary<string, string?> settings)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 5, 12, 0, 0, TimeSpan.Zero));
        return WebTestBed.StartOnKestrelAsync(clock, TestCourse.CreateAsync(clock, students: ["ana"]), settings, SchemeAndAddress);
    }

    /// <summary>What a TLS-terminating proxy adds, or what a client forging it sends.</summary>
    private static void ForwardAsHttps(HttpClient client)
    {
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
    }
}
