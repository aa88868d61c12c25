using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Course.Grader.Tests.Intake.GitHub;

/// <summary>
/// Replays recorded GitHub responses (@octokit/fixtures normalized-fixture.json) on 127.0.0.1 at a
/// random port, matched by method and path (query ignored, a GitHub Enterprise "/api/v3" prefix and
/// a trailing slash removed). Responses for the same request are served in recorded order, the last
/// one repeating. Redirects to github.com hosts are rewritten to this server. Unrecorded requests get
/// GitHub's 404 body. Every request is kept for assertions.
/// </summary>
internal sealed class ReplayServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Recorded>> _responses = new();
    private readonly WebApplication _app;

    private ReplayServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<(string Method, string Path, string Body)> Requests { get; } = new();

    public static async Task<ReplayServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ReplayServer(app);
        app.Run(server.ServeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>
    /// Adds every exchange of a recorded scenario; <paramref name="rename"/> rewrites its paths, header
    /// values and text bodies (the recorded repository and commit to the ones a test pushes).
    /// </summary>
    public ReplayServer AddScenario(string file, Func<string, string>? rename = null)
    {
        rename ??= text => text;
        foreach (var exchange in JsonNode.Parse(File.ReadAllText(file))!.AsArray())
        {
            var headers = exchange!["headers"]!.AsObject().ToDictionary(h => h.Key, h => rename(h.Value!.ToString()));
            var response = exchange["response"];
            byte[] body = exchange["responseIsBinary"]?.GetValue<bool>() == true
                ? Convert.FromHexString(response!.GetValue<string>())
                : response is null || (response.GetValueKind() == JsonValueKind.String && response.GetValue<string>().Length == 0)
                    ? []
                    : System.Text.Encoding.UTF8.GetBytes(rename(response.ToJsonString()));
            Add(exchange["method"]!.GetValue<string>(), rename(exchange["path"]!.GetValue<string>()), exchange["status"]!.GetValue<int>(),
                headers, body);
        }

        return this;
    }

    public ReplayServer Add(string method, string path, int status, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        _responses.GetOrAdd(Key(method, path), _ => new()).Enqueue(new Recorded(status, headers, body));
        return this;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task ServeAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var requestBody = await reader.ReadToEndAsync();
        Requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? "", requestBody));
        if (!_responses.TryGetValue(Key(context.Request.Method, context.Request.Path.Value ?? ""), out var queue)
            || !queue.TryPeek(out var recorded))
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync("""{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""");
            return;
        }

        if (queue.Count > 1)
        {
            queue.TryDequeue(out _);
        }

        context.Response.StatusCode = recorded.Status;
        foreach (var (name, value) in recorded.Headers)
        {
            if (name is "content-length" or "connection" or "transfer-encoding")
            {
                continue;
            }

            context.Response.Headers[name] = name == "location"
                ? value.Replace("https://codeload.github.com/", BaseUrl.ToString(), StringComparison.Ordinal)
                    .Replace("https://api.github.com/", BaseUrl + "api/v3/", StringComparison.Ordinal)
                : value;
        }

        await context.Response.Body.WriteAsync(recorded.Body);
    }

    private static string Key(string method, string path)
    {
        var bare = path.Split('?')[0];
        if (bare.StartsWith("/api/v3/", StringComparison.Ordinal))
        {
            bare = bare["/api/v3".Length..];
        }

        return method.ToUpperInvariant() + " " + bare.TrimEnd('/');
    }

    private sealed record Recorded(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body);
}
