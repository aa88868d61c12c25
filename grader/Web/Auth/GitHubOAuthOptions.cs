using Course.Core.Settings;

namespace Course.Grader.Web.Auth;

/// <summary>
/// Sign in with GitHub (<c>GitHub:OAuth:*</c>, environment <c>GitHub__OAuth__ClientId</c> ...): the OAuth app's
/// <c>ClientId</c> and <c>ClientSecret</c>, and GitHub's endpoints (<c>AuthorizeUrl</c>, <c>TokenUrl</c>, <c>UserUrl</c>;
/// github.com's by default, a GitHub Enterprise server's otherwise). Without a client id, sign-in with GitHub is off;
/// a client id without its secret, or an address that is not absolute http(s), stops <c>grader serve</c> at start.
/// </summary>
internal sealed record GitHubOAuthOptions(string? ClientId, string? ClientSecret, Uri AuthorizeUrl, Uri TokenUrl, Uri UserUrl)
{
    /// <summary>Whether sign-in with GitHub is on (<c>GitHub:OAuth:ClientId</c> is set, with its secret).</summary>
    public bool Enabled => ClientId is not null && ClientSecret is not null;

    public static GitHubOAuthOptions From(IConfiguration configuration)
    {
        var section = new SettingsSection(configuration, "GitHub:OAuth");
        var authorize = Address(section, "AuthorizeUrl", "https://github.com/login/oauth/authorize");
        var token = Address(section, "TokenUrl", "https://github.com/login/oauth/access_token");
        var user = Address(section, "UserUrl", "https://api.github.com/user");
        if (section.Text("ClientId") is not { } clientId)
        {
            return new(null, null, authorize, token, user);
        }

        var secret = section.Text("ClientSecret")
                     ?? throw new Core.Errors.BadInputException(
                         $"{section.NameOf("ClientSecret")}: not set, but {section.NameOf("ClientId")} is (the OAuth app's client secret)");
        return new(clientId.Trim(), secret.Trim(), authorize, token, user);
    }

    private static Uri Address(SettingsSection section, string key, string github) =>
        section.AbsoluteUri(key, new Uri(github), github, "http", "https")!;
}
