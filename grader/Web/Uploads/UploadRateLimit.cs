using System.Globalization;
using System.Threading.RateLimiting;
using Course.Core.Settings;
using Microsoft.AspNetCore.RateLimiting;

namespace Course.Grader.Web.Uploads;

/// <summary>
/// The per-user limit on prediction uploads (<see cref="UploadRateOptions"/>): a fixed window per
/// signed-in login, checked before the request's body is read; over it, 429 with <c>Retry-After</c>
/// and a ProblemDetails naming the limit.
/// </summary>
internal static class UploadRateLimit
{
    /// <summary>The rate limiter policy the upload endpoints require.</summary>
    public const string Policy = "uploads";

    public static IServiceCollection AddUploadRateLimit(this IServiceCollection services)
    {
        services.AddSettings(provider => UploadRateOptions.From(provider.GetRequiredService<IConfiguration>()));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context =>
            {
                var options = context.RequestServices.GetRequiredService<UploadRateOptions>();
                // The endpoints require a signed-in user, who is known here (authorization runs first).
                return RateLimitPartition.GetFixedWindowLimiter(context.User.Identity?.Name ?? "", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PerWindow,
                    Window = options.Window,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellation)
    {
        var context = rejected.HttpContext;
        var options = context.RequestServices.GetRequiredService<UploadRateOptions>();
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Window;
        var seconds = Math.Max((int)Math.Ceiling(wait.TotalSeconds), 1);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many uploads",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"uploads: at most {options.PerWindow} every {options.Window.TotalSeconds:0.#} s per user; try again in {seconds} s"),
            },
        });
    }
}
