using System.CommandLine;
using Course.Assignments.Teams;
using Course.Core.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Assignments.Cli;

/// <summary><c>grader teams import|form|show</c>.</summary>
internal static class TeamsCommands
{
    public static Command Create(CliHost host)
    {
        var file = new Argument<string>("file") { Description = "teams.csv with assignment,team,login" };
        var import = new Command("import", "Create teams from a CSV file (all lines or none)") { file };
        host.Handle(import, async context =>
        {
            await using var scope = context.CreateScope();
            var added = await scope.ServiceProvider.GetRequiredService<TeamService>()
                .ImportAsync(Path.GetFullPath(context.Get(file)), context.Cancellation);
            await context.Out.WriteLineAsync($"teams: {added} membership(s) added");
            return 0;
        });

        var assignment = new Argument<string>("assignment") { Description = "A team assignment's id" };
        var seed = new Option<int>("--seed") { Description = "Seed of the random placement", DefaultValueFactory = _ => 1 };
        var form = new Command("form", "Place students without a team so every team reaches the minimum size") { assignment, seed };
        host.Handle(form, async context =>
        {
            await using var scope = context.CreateScope();
            var plan = await scope.ServiceProvider.GetRequiredService<TeamService>()
                .FormAsync(context.Get(assignment), context.Get(seed), context.Cancellation);
            await WriteAsync(context, plan);
            return 0;
        });

        var showAssignment = new Argument<string>("assignment") { Description = "A team assignment's id" };
        var show = new Command("show", "List the teams of an assignment") { showAssignment };
        host.Handle(show, async context =>
        {
            await using var scope = context.CreateScope();
            await WriteAsync(context, await scope.ServiceProvider.GetRequiredService<TeamService>()
                .ReadAsync(context.Get(showAssignment), context.Cancellation));
            return 0;
        });
        return new Command("teams", "Teams of team assignments") { import, form, show };
    }

    private static async Task WriteAsync(CommandContext context, TeamPlan plan)
    {
        if (context.Json)
        {
            await context.WriteJsonAsync(plan.Teams);
            return;
        }

        foreach (var (team, members) in plan.Teams.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            await context.Out.WriteLineAsync($"{team,-16} {members.Count} {string.Join(", ", members)}");
        }
    }
}
