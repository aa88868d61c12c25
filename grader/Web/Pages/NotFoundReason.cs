namespace Course.Grader.Web.Pages;

/// <summary>
/// Why a page found nothing to show (an unknown assignment, another student's submission), for
/// <see cref="NotFoundPage"/>: Razor writes a 404's body only through the router's not-found page.
/// </summary>
internal sealed class NotFoundReason
{
    public string? Message { get; set; }
}
