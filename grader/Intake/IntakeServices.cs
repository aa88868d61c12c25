using Course.Core.Database;
using Course.Core.Settings;
using Course.Grader.Grading;
using Course.Grader.Intake.GitHub;
using Course.Grader.Intake.Statuses;
using Course.Grader.Submissions;
using Course.Grader.Web.Api;
using Course.Grader.Web.Auth;
using Course.Grader.Web.Data;
using Course.Grader.Web.Data.CompiledModel;
using Course.Grader.Web.Webhooks;

namespace Course.Grader.Intake;

/// <summary>Registers GitHub intake, the web host's tables and its command-line services (called from <see cref="GraderModule"/>).</summary>
internal static class IntakeServices
{
    public static IServiceCollection AddGitHubIntake(this IServiceCollection services)
    {
        services.AddModuleDatabase<WebDbContext>("web", () => WebDbContextModel.Instance);
        services.AddSettings(provider => GitHubOptions.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(new WebhookOptions());
        services.AddSingleton<IRepositoryHost, GitHubRepositoryHost>();
        services.AddSettings(provider => FeedbackLinks.From(provider.GetRequiredService<IConfiguration>()));
        // Workers run under the command line too, which registers no logging of its own.
        services.AddLogging();
        services.AddScoped<StatusDeliveries>();
        services.AddScoped<IResultPublisher, CommitStatusReporter>();
        services.AddScoped<GitHubSubmissionTaker>();
        services.AddScoped<IIntakeSource, GitHubIntake>();
        services.AddScoped<PusherCheck>();
        services.AddScoped<PushIntake>();
        services.AddScoped<TokenIssuer>();
        return services;
    }
}
