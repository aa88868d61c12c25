namespace Course.Grader.Web.Pages;

/// <summary>
/// The headers every page and served run file carries: no script may run (Content-Security-Policy), so nothing a
/// student writes can run in a TA's browser even where encoding were missed, and no content type is guessed.
/// </summary>
internal static class PageSecurity
{
    public const string Policy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
