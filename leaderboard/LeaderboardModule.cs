using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Database;
using Course.Leaderboard.Boards;
using Course.Leaderboard.Cli;
using Course.Leaderboard.Scoring;
using Course.Leaderboard.Standings;
using Course.Leaderboard.Submissions;
using Course.Leaderboard.Submissions.CompiledModel;
using Course.Leaderboard.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Leaderboard;

/// <summary>The leaderboard module's public entry points: its services and its commands.</summary>
public static class LeaderboardModule
{
    /// <summary>
    /// Registers <see cref="ILeaderboard"/> (score and record submissions) and
    /// <see cref="IFinalStandings"/> (prizes) and <see cref="IBoards"/> (read a board), all scoped (they use the database). Needs the
    /// assignments module (<c>AddAssignments</c>) for the course and the roster.
    /// </summary>
    public static IServiceCollection AddLeaderboard(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddModuleDatabase<LeaderboardDbContext>("leaderboard", () => LeaderboardDbContextModel.Instance);
        services.AddSingleton<SolutionCache>();
        services.AddScoped<ITeamDirectory, RosterTeamDirectory>();
        services.AddScoped<SubmissionService>();
        services.AddScoped<ILeaderboard>(provider => provider.GetRequiredService<SubmissionService>());
        services.AddScoped<BoardService>();
        services.AddScoped<IFinalStandings>(provider => provider.GetRequiredService<BoardService>());
        services.AddScoped<IBoards>(provider => provider.GetRequiredService<BoardService>());
        return services;
    }

    /// <summary>The module's top-level commands, in the command-line contract of docs/ARCHITECTURE.md.</summary>
    public static IEnumerable<Command> Commands(CliHost host) => [ScoreCommand.Create(host), LeaderboardCommands.Create(host)];
}
