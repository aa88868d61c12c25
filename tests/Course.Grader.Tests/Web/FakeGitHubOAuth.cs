using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Course.Grader.Tests.Web;

/// <summary>
/// GitHub's OAuth web flow on a local Kestrel server, answering with GitHub's documented shapes: <c>/login/oauth/authorize</c>
/// (the user consents at once: back to <c>redirect_uri</c> with a code and the state), <c>/login/oauth/access_token</c>
/// (the code for a token, or GitHub's <c>bad_verification_code</c> error) and <c>/user</c> (the signed-in user).
/// </summary>
internal sealed class FakeGitHubOAuth : IAsyncDisposable
{
    public const string ClientId = "Iv1.8a61f9b3a7aba766";
    public const string ClientSecret = "1234567890abcdef1234567890abcdef12345678";
    private const string AccessToken = "gho_16C7e42F292c6912E7710c838347Ae178B4a";
    private const string Code = "a0b1c2d3e4f5a6b7c8d9";

    private readonly WebApplication _app;

    private FakeGitHubOAuth(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>The login <c>/user</c> names.</summary>
    public string Login { get; set; } = "ana";

    /// <summary>How often the grader asked for an access token.</summary>
    public int TokenRequests { get; private set; }

    /// <summary>The settings that point <c>grader serve</c> at this server.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["GitHub:OAuth:ClientId"] = ClientId,
        ["GitHub:OAuth:ClientSecret"] = ClientSecret,
        ["GitHub:OAuth:AuthorizeUrl"] = new Uri(Address, "login/oauth/authorize").ToString(),
        ["GitHub:OAuth:TokenUrl"] = new Uri(Address, "login/oauth/access_token").ToString(),
        ["GitHub:OAuth:UserUrl"] = new Uri(Address, "user").ToString(),
    };

    public static async Task<FakeGitHubOAuth> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var github = new FakeGitHubOAuth(app);
        github.Map(app);
        await app.StartAsync();
        github.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        return github;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/login/oauth/authorize", (string client_id, string redirect_uri, string state) =>
            client_id == ClientId
                ? Results.Redirect($"{redirect_uri}?code={Code}&state={Uri.EscapeDataString(state)}")
                : Results.NotFound());
        app.MapPost("/login/oauth/access_token", async (HttpRequest request) =>
        {
            TokenRequests++;
            var form = await request.ReadFormAsync();
            return form["client_id"] == ClientId && form["client_secret"] == ClientSecret && form["code"] == Code
                ? Results.Json(new Dictionary<string, string> { ["access_token"] = AccessToken, ["token_type"] = "bearer", ["scope"] = "" })
                : Results.Json(new Dictionary<string, string>
                {
                    ["error"] = "bad_verification_code",
                    ["error_description"] = "The code passed is incorrect or expired.",
                    ["error_uri"] = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code",
                });
        });
        app.MapGet("/user", (HttpRequest request) => request.Headers.Authorization == $"Bearer {AccessToken}"
            ? Results.Json(new Dictionary<string, object?>
            {
                ["login"] = Login, ["id"] = 1, ["node_id"] = "MDQ6VXNlcjE=", ["avatar_url"] = "https://github.com/images/error/octocat_happy.gif",
                ["type"] = "User", ["site_admin"] = false, ["name"] = "monalisa octocat", ["email"] = null,
            })
            : Results.Json(new Dictionary<string, string> { ["message"] = "Bad credentials", ["documentation_url"] = "https://docs.github.com/rest" },
                statusCode: StatusCodes.Status401Unauthorized));
    }
}
