namespace Course.Grader.Web.Auth;

/// <summary>
/// Which credentials a request may use. <c>/api</c> takes only the <c>Authorization: Bearer</c> header: a
/// browser attaches the session cookie to another site's requests too, and no page calls the API, so a
/// cookie there could only ever be a cross-site request. The pages take the cookie (their forms check
/// antiforgery tokens) or the header.
/// </summary>
internal static class CourseAuthentication
{
    public const string ApiScheme = "Bearer";

    public const string PagesScheme = "Session";

    private const string ByPathScheme = "Course";

    /// <summary>Whether the request is for the JSON API (under <c>/api</c>) rather than a page.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddCourseAuthentication(this IServiceCollection services)
    {
        services.AddScoped<ActiveTokens>();
        services.AddAuthentication(ByPathScheme)
            .AddPolicyScheme(ByPathScheme, null, options => options.ForwardDefaultSelector = context =>
                IsApi(context.Request) ? ApiScheme : PagesScheme)
            .AddScheme<TokenSchemeOptions, BearerTokenHandler>(ApiScheme, options => options.ReadsSessionCookie = false)
            .AddScheme<TokenSchemeOptions, BearerTokenHandler>(PagesScheme, options => options.ReadsSessionCookie = true);
        return services;
    }
}
