using Course.Core.Settings;

namespace Course.Grader.Web.Api;

/// <summary>
/// Public links to a submission's feedback page (<c>/submissions/{id}</c>, sign-in first), built on
/// <c>Web:PublicUrl</c> (environment <c>Web__PublicUrl</c>), the address students reach
/// <c>grader serve</c> at. Unset: no links, since the grader cannot know how it is reached.
/// </summary>
internal sealed class FeedbackLinks(Uri? publicUrl)
{
    public static FeedbackLinks From(IConfiguration configuration)
    {
        var url = new SettingsSection(configuration, "Web").Read<Uri?>("PublicUrl", null, (string text, out Uri? value) =>
            Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out value) && value.Scheme is "http" or "https",
            "an absolute http(s) URL");
        return new(url);
    }

    /// <summary>The feedback page of <paramref name="submission"/>, or null when no public URL is configured.</summary>
    public Uri? For(Guid submission) => Resolve($"submissions/{submission}");

    /// <summary>A page of <c>grader serve</c> at its public address (<paramref name="path"/> relative), or null when none is configured.</summary>
    public Uri? Resolve(string path) => publicUrl is null ? null : new Uri(publicUrl, path);
}
