using Course.Core.Errors;
using Course.Core.Settings;

namespace Course.Grader.Intake.GitHub;

/// <summary>
/// The <c>GitHub</c> configuration section (environment: <c>GitHub__Token</c>, <c>GitHub__BaseUrl</c>,
/// <c>GitHub__WebhookSecret</c>). Secrets come from the environment, never from course.json.
/// </summary>
internal sealed record GitHubOptions(string? Token, Uri? BaseUrl, string? WebhookSecret)
{
    /// <summary>Largest tarball downloaded, in bytes, before it is even extracted. Default 200 MB.</summary>
    public long MaxTarballBytes { get; init; } = 200L * 1024 * 1024;

    public static GitHubOptions From(IConfiguration configuration)
    {
        var section = new SettingsSection(configuration, "GitHub");
        return new(section.Text("Token"), section.AbsoluteUri("BaseUrl", null, "https://github.example.edu/api/v3/", "http", "https"),
            section.Text("WebhookSecret"));
    }

    public string RequireToken() =>
        Token ?? throw new BadInputException("GitHub:Token is not set (environment variable GitHub__Token)");
}
