using System.CommandLine;
using Course.Core.Cli;
using Course.Grader.Calibration;
using Course.Grader.Cluster;
using Course.Grader.Cli;
using Course.Grader.Composition;
using Course.Grader.Grading;
using Course.Grader.Demo;
using Course.Grader.Grades;
using Course.Grader.Grades.Notices;
using Course.Grader.Grades.Regrades;
using Course.Grader.Intake;
using Course.Grader.Queue;
using Course.Grader.Web.Cli;

namespace Course.Grader;

/// <summary>The grader host's public entry points: its services and its commands.</summary>
public static class GraderModule
{
    public static IServiceCollection AddGrader(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ICompetitionScorer, LeaderboardScorer>();
        services.AddGradingPipeline(configuration);
        services.AddCluster(configuration);
        services.AddGradebook();
        services.AddScoped<Course.Credits.Issuing.IFinalStandings, PrizeStandings>();
        services.AddGitHubIntake();
        return services;
    }

    /// <summary>The module's top-level commands, in the command-line contract of docs/ARCHITECTURE.md.</summary>
    public static IEnumerable<Command> Commands(CliHost host)
    {
        return [DbCommands.Create(host), DemoCommand.Create(host),
            FetchCommand.Create(host), GradeCommand.Create(host), WorkerCommand.Create(host), JobsCommand.Create(host), HostsCommand.Create(host), BudgetsCommands.Create(host),
            GradesCommands.Create(host), RegradesCommands.Create(host), NoticesCommands.Create(host), CalibrationCommands.Create(host), ServeCommand.Create(host), UsersCommand.Create(host)];
    }
}
