using System.CommandLine;
using Course.Assignments.Cli;
using Course.Assignments.Courses;
using Course.Assignments.Roster;
using Course.Assignments.Roster.CompiledModel;
using Course.Assignments.Teams;
using Course.Core.Cli;
using Course.Core.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Assignments;

/// <summary>The assignments module's public entry points: its services and its commands.</summary>
public static class AssignmentsModule
{
    /// <summary>
    /// Registers <see cref="ICourseProvider"/> (singleton), and <see cref="IRoster"/>, <see cref="IRosterImport"/> and
    /// <see cref="ITeams"/> (scoped), and the module's tables for <c>grader db migrate</c> (<see cref="Core.Database.IModuleDatabase"/>).
    /// </summary>
    public static IServiceCollection AddAssignments(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<ICourseProvider, FileCourseProvider>();
        services.AddModuleDatabase<AssignmentsDbContext>("assignments", () => AssignmentsDbContextModel.Instance);
        services.AddScoped<IRoster, RosterReader>();
        services.AddScoped<IRosterImport, RosterImporter>();
        services.AddScoped<TeamService>();
        services.AddScoped<ITeams>(provider => provider.GetRequiredService<TeamService>());
        return services;
    }

    /// <summary>The module's top-level commands, in the command-line contract of docs/ARCHITECTURE.md.</summary>
    public static IEnumerable<Command> Commands(CliHost host) => [CourseCommands.Create(host), RosterCommands.Create(host), TeamsCommands.Create(host)];
}
