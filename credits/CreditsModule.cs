using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Database;
using Course.Core.Settings;
using Course.Credits.Cli;
using Course.Credits.Import;
using Course.Credits.Issuing;
using Course.Credits.Ledger;
using Course.Credits.Ledger.CompiledModel;
using Course.Credits.Lifecycle;
using Course.Credits.Outbox;
using Course.Credits.Protection;
using Course.Credits.Spend;
using Course.Credits.Staff;
using Course.Credits.Status;
using Course.Credits.Students;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Credits;

/// <summary>The credits module's public entry points: its services and its commands.</summary>
public static class CreditsModule
{
    /// <summary>
    /// Registers the ledger (<see cref="CreditsDbContext"/>, module "credits"), <see cref="ICreditPrizes"/>,
    /// <see cref="ICreditRequests"/>, <see cref="ICreditMail"/>, <see cref="ICourseMail"/>, <see cref="IStudentCredits"/> and <see cref="ICreditAdmin"/> (scoped). Needs the assignments module (course and roster).
    /// Register an <see cref="IFinalStandings"/> to let <c>credits issue --prizes</c> read the leaderboard.
    /// </summary>
    public static IServiceCollection AddCredits(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddModuleDatabase<CreditsDbContext>("credits", () => CreditsDbContextModel.Instance);
        services.AddSettings(provider => ActivatorUtilities.CreateInstance<KeyFile>(provider));
        services.AddSingleton<CodeProtector>();
        services.AddSettings(provider => SmtpSettings.Read(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<CoursePaths>()));
        services.AddSingleton<TransportFactory>();
        services.AddScoped<MessageComposer>();
        services.AddScoped<CodeImporter>();
        services.AddScoped<Recipients>();
        services.AddScoped<CodeIssuer>();
        services.AddScoped<CreditIssuing>();
        services.AddScoped<ICreditPrizes>(provider => provider.GetRequiredService<CreditIssuing>());
        services.AddScoped<ICreditRequests>(provider => provider.GetRequiredService<CreditIssuing>());
        services.AddScoped<OutboxSender>();
        services.AddScoped<ICreditMail, CreditMail>();
        services.AddScoped<ICourseMail, CourseMail>();
        services.AddScoped<CodeLifecycle>();
        services.AddScoped<RedemptionImporter>();
        services.AddScoped<ExpirySweep>();
        services.AddScoped<SpendImporter>();
        services.AddScoped<StatusQuery>();
        services.AddScoped<CodeViewer>();
        services.AddScoped<IStudentCredits, StudentCreditsView>();
        services.AddScoped<ICreditAdmin, CreditAdmin>();
        return services;
    }

    /// <summary>The module's top-level commands, in the command-line contract of docs/ARCHITECTURE.md.</summary>
    public static IEnumerable<Command> Commands(CliHost host) => [CreditsCommands.Create(host)];
}
