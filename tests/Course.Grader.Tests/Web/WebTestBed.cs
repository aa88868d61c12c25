using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Course.Grader.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>A test course served by the <c>grader serve</c> host, with a client that signs in as anyone.</summary>
internal sealed class WebTestBed : IAsyncDisposable
{
    private WebTestBed(TestCourse course, GraderWebFactory factory, HttpClient client)
    {
        Course = course;
        Factory = factory;
        Client = client;
    }

    public TestCourse Course { get; }

    public GraderWebFactory Factory { get; }

    public HttpClient Client { get; }

    /// <summary>Served in memory; without a <paramref name="clock"/>, on the command line's (<c>Clock:Now</c> or the system's).</summary>
    public static async Task<WebTestBed> StartAsync(FakeTimeProvider? clock, Task<TestCourse> course)
    {
        var factory = new GraderWebFactory(await course, clock, new Dictionary<string, string?>());
        return new(await course, factory, factory.CreateClient());
    }

    /// <summary>
    /// Served by Kestrel on a free loopback port, so requests cross a real socket with a real client address.
    /// The client keeps no cookies and follows no redirects: tests see and send every cookie themselves.
    /// </summary>
    public static async Task<WebTestBed> StartOnKestrelAsync(FakeTimeProvider clock, Task<TestCourse> course,
        IReadOnlyDictionary<string, string?>? settings = null, RequestDelegate? fallback = null)
    {
        var factory = new GraderWebFactory(await course, clock, settings ?? new Dictionary<string, string?>(), fallback);
        try
        {
            factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            factory.StartServer();
            var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
            return new(await course, factory, client);
        }
        catch
        {
            await factory.DisposeAsync();
            (await course).Dispose();
            throw;
        }
    }

    /// <summary>A new API token of <paramref name="login"/>, as <c>grader users token</c> prints it.</summary>
    public async Task<string> TokenAsync(string login) => (await IssueAsync(login)).Token;

    /// <summary>A new API token of <paramref name="login"/> with its id; <paramref name="options"/> go to <c>grader users token</c>.</summary>
    public async Task<(string Token, string Id)> IssueAsync(string login, params string[] options)
    {
        var (exit, output, error) = await Course.RunAsync(["users", "token", login, "--json", .. options]);
        Assert.True(exit == 0, error);
        using var issued = JsonDocument.Parse(output);
        return (issued.RootElement.GetProperty("token").GetString()!, issued.RootElement.GetProperty("id").GetString()!);
    }

    /// <summary>Sends the client's next requests with this bearer token.</summary>
    public void UseToken(string token) => Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    public async Task SignInAsync(string login) => UseToken(await TokenAsync(login));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Course.Dispose();
    }
}
