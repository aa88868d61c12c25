using Microsoft.AspNetCore.Antiforgery;

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
}
