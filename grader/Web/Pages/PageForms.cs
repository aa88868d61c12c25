using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace Course.Grader.Web.Pages;

/// <summary>
/// The pages' forms post to endpoints of their own (the upload form is streamed, which a component's form binding
/// cannot do): each checks the antiforgery token <c>&lt;AntiforgeryToken /&gt;</c> put in the form.
/// </summary>
internal static class PageForms
{
    /// <summary>
    /// Before the page's own route: a page's component endpoint takes POST too (for component forms, which these
    /// pages do not use), and the form's endpoint must answer instead.
    /// </summary>
    private const int BeforePages = -1;

    public static RouteHandlerBuilder WithPageOrder(this RouteHandlerBuilder endpoint) => endpoint.WithOrder(BeforePages);

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
