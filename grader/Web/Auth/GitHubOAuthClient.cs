using System.Net.Http.Headers;
using System.Text.Json.Serialization;

namespace Course.Grader.Web.Auth;

/// <summary>
/// The two calls of GitHub's OAuth web flow after the user came back: the code for an access token
/// (<c>POST TokenUrl</c>), then the token for the user's login (<c>GET UserUrl</c>). The access token is used once
/// and never kept.
/// </summary>
internal sealed class GitHubOAuthClient(HttpClient http)
{
    public const string HttpClientName = "github-oauth";

    /// <summary>The GitHub login the <paramref name="code"/> was granted to, or null with GitHub's reason when it was refused.</summary>
    public async Task<(string? Login, string? Refusal)> LoginOfAsync(GitHubOAuthOptions options, string code, Uri redirectUri,
        CancellationToken cancellation)
    {
        using var exchange = new HttpRequestMessage(HttpMethod.Post, options.TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = options.ClientId!, ["client_secret"] = options.ClientSecret!, ["code"] = code,
                ["redirect_uri"] = redirectUri.ToString(),
            }),
        };
        exchange.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var exchanged = await http.SendAsync(exchange, cancellation);
        exchanged.EnsureSuccessStatusCode();
        // GitHub answers a bad or used code with 200 and an error field.
        var grant = await exchanged.Content.ReadFromJsonAsync<TokenAnswer>(cancellation);
        if (grant?.AccessToken is not { Length: > 0 } accessToken)
        {
            return (null, grant?.ErrorDescription ?? grant?.Error ?? "GitHub granted no access token");
        }

        using var ask = new HttpRequestMessage(HttpMethod.Get, options.UserUrl);
        ask.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        ask.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        ask.Headers.UserAgent.Add(new ProductInfoHeaderValue("course-grader", "1"));
        using var answered = await http.SendAsync(ask, cancellation);
        answered.EnsureSuccessStatusCode();
        var user = await answered.Content.ReadFromJsonAsync<UserAnswer>(cancellation);
        return user?.Login is { Length: > 0 } login ? (login, null) : (null, "GitHub named no login");
    }

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);

    private sealed record UserAnswer([property: JsonPropertyName("login")] string? Login);
}
