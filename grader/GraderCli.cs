using System.CommandLine;
using Course.Assignments;
using Course.Core.Cli;
using Course.Credits;
using Course.Leaderboard;
using Course.Sandbox;

namespace Course.Grader;

/// <summary>Composes the modules into the <c>grader</c> command line.</summary>
public static class GraderCli
{
    public static Task<int> RunAsync(string[] args, CliHost? host = null)
    {
        host ??= new CliHost(AddModules);
        return host.InvokeAsync(Build(host), args);
    }

    /// <summary>Every module's services, as one course process uses them.</summary>
    public static void AddModules(IServiceCollection services, IConfiguration configuration) =>
        services
            .AddAssignments(configuration)
            .AddSandbox(configuration)
            .AddLeaderboard(configuration)
            .AddCredits(configuration)
            .AddGrader(configuration);

    public static RootCommand Build(CliHost host)
    {
        var root = new RootCommand("Course: grades deep-learning homework in a locked-down sandbox.");
        root.Options.Add(GlobalOptions.Course);
        root.Options.Add(GlobalOptions.Json);
        foreach (var command in AssignmentsModule.Commands(host)
                     .Concat(SandboxModule.Commands(host))
                     .Concat(LeaderboardModule.Commands(host))
                     .Concat(CreditsModule.Commands(host))
                     .Concat(GraderModule.Commands(host)))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
