using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace Course.Grader.Web.Pages;

/// <summary>The hidden field every page form carries, and its check on the way back in.</summary>
internal static class Antiforgery
{
    public static string Field(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"""<input type="hidden" name="{Html.Text(tokens.FormFieldName)}" value="{Html.Text(tokens.RequestToken)}">""";
    }

    public static Task<bool> IsValidAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);

    /// <summary>
    /// The check for a form read as a stream (the upload form): against the fields read so far, which
    /// carry the token, so the rest of the body is never read for a forged request.
    /// </summary>
    public static Task<bool> IsValidAsync(HttpContext context, IFormCollection fieldsSoFar)
    {
        context.Features.Set<IFormFeature>(new FormFeature(fieldsSoFar));
        return IsValidAsync(context);
    }
}
