using System.CommandLine;
using Course.Assignments.Cli;
using Course.Assignments.Courses;
using Course.Assignments.Roster;
using Course.Assignments.Teams;
using Course.Core.Cli;
using Course.Core.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Assignments;

/// <summary>The assignments module's public entry points: its services and its commands.</summary>
public static class AssignmentsModule
{
    public static IServiceCollection AddAssignments(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<ICourseProvider, FileCourseProvider>();
        services.AddModuleDatabase<AssignmentsDbContext>("assignments");
        services.AddScoped<RosterImporter>();
        services.AddScoped<TeamService>();
        return services;
    }

    /// <summary>The module's top-level commands, in the command-line contract of docs/ARCHITECTURE.md.</summary>
    public static IEnumerable<Command> Commands(CliHost host) => [CourseCommands.Create(host), RosterCommands.Create(host), TeamsCommands.Create(host)];
}
