using System.CommandLine;
using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Assignments.Roster;
using Course.Assignments.Teams;
using Course.Core.Cli;
using Course.Core.Database;

namespace Course.Grader.Demo;

/// <summary>
/// <c>grader demo</c>: the whole story on the demo course, offline — validate, migrate, enroll,
/// form teams, and print what the course now holds.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliHost host)
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the team placement", DefaultValueFactory = _ => 2026 };
        var demo = new Command("demo", "Run the demo course end to end") { seed };
        host.Handle(demo, async context =>
        {
            var course = context.Service<ICourseProvider>();
            var spec = course.Course;
            await context.Out.WriteLineAsync($"== {spec.Name} ({spec.Term}): {spec.Assignments.Count} assignments");

            await using var scope = context.CreateScope();
            var services = scope.ServiceProvider;
            foreach (var module in services.GetServices<IModuleDatabase>())
            {
                await module.MigrateAsync(context.Cancellation);
            }

            await context.Out.WriteLineAsync("== database migrated");
            if (spec.Roster is { } roster)
            {
                var report = await services.GetRequiredService<IRosterImport>().ImportAsync(course.Resolve(roster), context.Cancellation);
                await context.Out.WriteLineAsync($"== roster: {report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged");
            }

            var teams = services.GetRequiredService<ITeams>();
            if (spec.Teams is { } teamsFile)
            {
                await teams.ImportAsync(course.Resolve(teamsFile), context.Cancellation);
            }

            foreach (var assignment in spec.Assignments.Where(a => a.Kind == AssignmentKind.Project && a.TeamSize is not null))
            {
                var plan = await teams.FormAsync(assignment.Id, context.Get(seed), context.Cancellation);
                await context.Out.WriteLineAsync($"== teams of {assignment.Id}:");
                foreach (var (name, members) in plan.Teams.OrderBy(t => t.Key, StringComparer.Ordinal))
                {
                    await context.Out.WriteLineAsync($"   {name,-10} {string.Join(", ", members)}");
                }
            }

            await context.Out.WriteLineAsync("== assignments:");
            foreach (var assignment in spec.Assignments)
            {
                await context.Out.WriteLineAsync(
                    $"   {assignment.Id,-10} {assignment.Kind.ToString().ToLowerInvariant(),-12} due {course.Times.Deadline(assignment):yyyy-MM-dd HH:mm zzz}  {assignment.Title}");
            }

            var output = Path.Combine(context.Course.Directory, "demo-output");
            await new DemoStory(context, course, output).RunAsync();
            await using (var reportScope = context.CreateScope())
            {
                var report = await DemoReport.WriteAsync(reportScope.ServiceProvider, output, context.Cancellation);
                await context.Out.WriteLineAsync($"== report: {report}");
            }

            await context.Out.WriteLineAsync();
            await context.Out.WriteLineAsync($"== done: outputs in {output}");
            return 0;
        });
        return demo;
    }
}
