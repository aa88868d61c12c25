using System.Net.Http.Headers;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>A test course served in memory by the <c>grader serve</c> host, with a client that signs in as anyone.</summary>
internal sealed class WebTestBed : IAsyncDisposable
{
    private WebTestBed(TestCourse course, GraderWebFactory factory)
    {
        Course = course;
        Factory = factory;
        Client = factory.CreateClient();
    }

    public TestCourse Course { get; }

    public GraderWebFactory Factory { get; }

    public HttpClient Client { get; }

    public static async Task<WebTestBed> StartAsync(FakeTimeProvider clock, Task<TestCourse> course) =>
        new(await course, new GraderWebFactory(await course, clock, new Dictionary<string, string?>()));

    /// <summary>A new API token of <paramref name="login"/>, as <c>grader users token</c> prints it.</summary>
    public async Task<string> TokenAsync(string login)
    {
        var (exit, output, error) = await Course.RunAsync("users", "token", login);
        Assert.True(exit == 0, error);
        return output.Trim();
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
