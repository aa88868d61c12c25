using Course.Core.Cli;
using Course.Core.Database;
using Course.Core.Settings;
using Course.Grader.Web.Api;
using Course.Grader.Web.Auth;
using Course.Grader.Web.Instructor;
using Course.Grader.Web.Pages;
using Course.Grader.Web.Pages.InstructorConsole;
using Course.Grader.Web.Uploads;
using Course.Grader.Web.Webhooks;
using Microsoft.AspNetCore.Http.Features;

namespace Course.Grader.Web.Hosting;

/// <summary>The HTTP side of <c>grader serve</c>: services, middleware and endpoints (the tests' host uses the same).</summary>
internal static class GraderWeb
{
    /// <summary>
    /// Makes the command line's configuration (environment variables, then its overrides) the web host's only
    /// configuration, so the server reads exactly what every command and worker reads.
    /// </summary>
    public static IConfigurationBuilder UseCliConfiguration(this IConfigurationBuilder configuration, CliHost cli)
    {
        configuration.Sources.Clear();
        return configuration.AddConfiguration(cli.Configuration);
    }

    /// <summary>
    /// The command line's composition (<see cref="CliHost.Configure"/>: the course's paths, the clock that
    /// <c>Clock:Now</c> rehearses, every module's services and settings) and the web-only services.
    /// </summary>
    public static IServiceCollection AddGraderWeb(this IServiceCollection services, CliHost cli, string courseFile)
    {
        cli.Configure(services, courseFile);
        services.AddProblemDetails();
        services.AddExceptionHandler<CourseExceptionHandler>();
        services.AddCourseAuthentication();
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.StaffPolicy, policy => policy.RequireRole(Roles.Instructor, Roles.Ta))
            .AddPolicy(Roles.InstructorPolicy, policy => policy.RequireRole(Roles.Instructor))
            .AddPolicy(Roles.StudentPolicy, policy => policy.RequireRole(Roles.Student));
        services.AddAntiforgery(options => options.Cookie.SameSite = SameSiteMode.Strict);
        // Pages are rendered on the server only: no interactivity, no script, every value encoded by Razor.
        services.AddRazorComponents();
        services.AddScoped<NotFoundReason>();
        services.AddApiDocument();
        services.AddScoped<TokenRegistry>();
        services.AddSingleton<StaffAudit>();
        services.AddScoped<StaffCsvUpload>();
        services.AddScoped<CreditsConsole>();
        services.AddScoped<ConsoleOverview>();
        services.AddSettings(provider => GitHubOAuthOptions.From(provider.GetRequiredService<IConfiguration>()));
        services.AddHttpClient<GitHubOAuthClient>(GitHubOAuthClient.HttpClientName);
        services.Configure<FormOptions>(options =>
        {
            // The pages' forms carry a handful of short fields and no file but the upload form's one,
            // which is streamed (Uploads/UploadForm): a form of many parts is refused, not buffered.
            options.ValueCountLimit = 16;
            options.ValueLengthLimit = 16 * 1024;
            options.MultipartBodyLengthLimit = 64 * 1024;
        });
        services.AddSettings(provider => TrustedProxies.From(provider.GetRequiredService<IConfiguration>()));
        services.AddScoped<PredictionUpload>();
        services.AddUploadRateLimit();
        services.AddSingleton<PushSignal>();
        services.AddSingleton<PushDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<PushDispatcher>());
        services.AddHostedService<StatusRedelivery>();
        return services;
    }

    /// <summary>
    /// Reads every module's settings first (<see cref="SettingsServices.ValidateSettings"/>): a bad one throws
    /// <see cref="Core.Errors.BadInputException"/> naming its key, before the server listens.
    /// </summary>
    public static void UseGraderWeb(this IApplicationBuilder app)
    {
        app.ApplicationServices.ValidateSettings();

        // First, so the scheme (Secure cookies) and the client address are known to everything after it.
        if (app.ApplicationServices.GetRequiredService<TrustedProxies>().Forwarding is { } proxies)
        {
            app.UseForwardedHeaders(proxies);
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages(PageStatusCodes.WriteAsync);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapGitHubWebhook().MapSubmissionsApi().MapLeaderboardApi().MapCreditsApi().MapRegradesApi().MapGradesApi().MapTokensApi().MapCreditsLedgerApi();
            endpoints.MapOpenApi();
            endpoints.MapRazorComponents<App>();
            endpoints.MapSignIn().MapGitHubSignIn().MapLeaderboardUpload().MapSubmissionFiles().MapSubmissionActions().MapCreditsActions().MapConsoleActions();
            endpoints.MapReviewApi().MapReviewActions();
        });
    }

    /// <summary>Brings every module's tables up to date (idempotent), so a fresh course can be served at once.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellation)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var module in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            await module.MigrateAsync(cancellation);
        }
    }
}
