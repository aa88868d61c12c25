using Course.Core.Database;
using Course.Grader.Intake.GitHub;
using Course.Grader.Submissions;
using Course.Grader.Web.Auth;
using Course.Grader.Web.Data;
using Course.Grader.Web.Webhooks;

namespace Course.Grader.Intake;

/// <summary>Registers GitHub intake, the web host's tables and its command-line services (called from <see cref="GraderModule"/>).</summary>
internal static class IntakeServices
{
    public static IServiceCollection AddGitHubIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<WebDbContext>("web");
        services.AddSingleton(provider => GitHubOptions.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(new WebhookOptions());
        services.AddSingleton<IRepositoryHost, GitHubRepositoryHost>();
        services.AddScoped<GitHubSubmissionTaker>();
        services.AddScoped<IIntakeSource, GitHubIntake>();
        services.AddScoped<PushIntake>();
        services.AddScoped<TokenIssuer>();
        _ = configuration;
        return services;
    }
}
