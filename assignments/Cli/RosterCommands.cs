using System.CommandLine;
using Course.Assignments.Roster;
using Course.Core.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Assignments.Cli;

/// <summary><c>grader roster import|show</c>.</summary>
internal static class RosterCommands
{
    public static Command Create(CliHost host)
    {
        var file = new Argument<string>("file") { Description = "roster.csv with login,name,email[,section][,github]" };
        var import = new Command("import", "Enroll students from a CSV file (all lines or none)") { file };
        host.Handle(import, async context =>
        {
            await using var scope = context.CreateScope();
            var report = await scope.ServiceProvider.GetRequiredService<IRosterImport>()
                .ImportAsync(Path.GetFullPath(context.Get(file)), context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(report);
            }
            else
            {
                await context.Out.WriteLineAsync($"roster: {report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged");
                if (report.NotInFile.Count > 0)
                {
                    await context.Out.WriteLineAsync($"kept {report.NotInFile.Count} enrolled student(s) not in the file: {string.Join(", ", report.NotInFile)}");
                }
            }

            return 0;
        });

        var show = new Command("show", "List enrolled students");
        host.Handle(show, async context =>
        {
            await using var scope = context.CreateScope();
            var students = await scope.ServiceProvider.GetRequiredService<IRoster>().StudentsAsync(context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(students);
                return 0;
            }

            foreach (var student in students)
            {
                await context.Out.WriteLineAsync($"{student.Login,-20} {student.Name,-24} {student.Email,-32} {student.Section}");
            }

            return 0;
        });
        return new Command("roster", "Enrolled students") { import, show };
    }
}
