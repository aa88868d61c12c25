using Course.Core.Errors;

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
        var value = configuration["Web:PublicUrl"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new(null);
        }

        return Uri.TryCreate(value.TrimEnd('/') + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? new(url)
            : throw new BadInputException($"Web:PublicUrl: '{value}' is not an absolute http(s) URL");
    }

    /// <summary>The feedback page of <paramref name="submission"/>, or null when no public URL is configured.</summary>
    public Uri? For(Guid submission) => publicUrl is null ? null : new Uri(publicUrl, $"submissions/{submission}");
}
