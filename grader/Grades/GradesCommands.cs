using System.CommandLine;
using System.Globalization;
using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Core.Output;
using Course.Grader.Grades.Notices;
using Course.Grader.Grades.Projects;
using Spectre.Console;

namespace Course.Grader.Grades;

/// <summary><c>grader grades show|export|set|override|history|extend|late-days|final|release|project|contributions</c>.</summary>
internal static class GradesCommands
{
    public static Command Create(CliHost host) =>
        new("grades", "The grade book TAs review")
        {
            Show(host), Export(host), Set(host), Override(host), FinalGradeCommands.History(host), LateDayCommands.Extend(host),
            LateDayCommands.LateDays(host), FinalGradeCommands.Final(host), Release(host), Project(host), Contributions(host),
        };

    private static Command Release(CliHost host)
    {
        var assignment = new Argument<string>("assignment");
        var by = new Option<string>("--by") { Description = "Staff login releasing the grades", Required = true };
        var release = new Command("release", "Make an assignment's grades visible to students and e-mail each their score (once)") { assignment, by };
        host.Handle(release, async context =>
        {
            await using var scope = context.CreateScope();
            var queued = await scope.ServiceProvider.GetRequiredService<GradeReleases>().ReleaseAsync(context.Get(assignment), context.Get(by),
                context.Cancellation);
            await context.Out.WriteLineAsync($"{context.Get(assignment)}: grades released; {queued} e-mail(s) queued (sent by grader serve or grader notices send)");
            return 0;
        });
        return release;
    }

    private static Command Project(CliHost host)
    {
        var assignment = new Argument<string>("assignment");
        var project = new Command("project", "A project's team scores and each member's share, score and flags") { assignment };
        host.Handle(project, async context =>
        {
            await using var scope = context.CreateScope();
            var teams = await scope.ServiceProvider.GetRequiredService<Gradebook>().ProjectAsync(context.Get(assignment), context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(teams);
                return 0;
            }

            foreach (var team in teams)
            {
                await context.Out.WriteLineAsync($"{team.Team}: team {Percent(team.TeamScore)}");
                foreach (var member in team.Members)
                {
                    var share = member.Contribution is { } c ? string.Create(CultureInfo.InvariantCulture, $"{c:0.#}%") : "not stated";
                    await context.Out.WriteLineAsync($"  {member.Login}: contribution {share}, score {Percent(member.Score)}{(member.Flag is { } flag ? $"  FLAGGED: {flag}" : "")}");
                }
            }

            return 0;
        });
        return project;
    }

    private static Command Contributions(CliHost host)
    {
        var assignment = new Argument<string>("assignment");
        var team = new Option<string>("--team") { Required = true };
        var by = new Option<string>("--by") { Description = "Staff login recording the contributions", Required = true };
        var command = new Command("contributions", "Record a team's contributions from the CONTRIBUTIONS file of its latest submission") { assignment, team, by };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var shares = await scope.ServiceProvider.GetRequiredService<ProjectContributions>().ImportAsync(context.Get(assignment), context.Get(team),
                context.Get(by), context.Cancellation);
            await context.Out.WriteLineAsync($"{context.Get(assignment)}/{context.Get(team)}: " +
                string.Join(", ", shares.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value:0.#}%"))) + " recorded");
            return 0;
        });
        return command;
    }

    private static string Percent(double? fraction) =>
        fraction is { } f ? string.Create(CultureInfo.InvariantCulture, $"{f * 100:0.0}%") : "-";

    private static Command Show(CliHost host)
    {
        var show = new Command("show", "Every student's grade per assignment and total");
        host.Handle(show, async context =>
        {
            var rows = await ComputeAsync(context);
            if (context.Json)
            {
                await context.WriteJsonAsync(rows);
                return 0;
            }

            var assignments = context.Service<ICourseProvider>().Course.Assignments;
            var table = new Table().AddColumn("student");
            foreach (var assignment in assignments)
            {
                table.AddColumn(new TableColumn($"{assignment.Id} ({assignment.Weight:0.#}%)").RightAligned());
            }

            table.AddColumn(new TableColumn("total").RightAligned());
            foreach (var row in rows)
            {
                table.AddRow([row.Login, .. assignments.Select(a => Cell(row.Assignments[a.Id])), $"{row.Total:0.0}"]);
            }

            await TableWriter.WriteAsync(context.Out, table);
            foreach (var note in Footnotes(rows, assignments))
            {
                await context.Out.WriteLineAsync(note);
            }

            return 0;
        });
        return show;
    }

    private static Command Export(CliHost host)
    {
        var format = new Option<string>("--format") { Description = "csv or canvas", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "canvas");
        var output = new Option<string?>("--output") { Description = "File to write (default: standard output)" };
        var export = new Command("export", "Write the grade book as CSV (plain or Canvas import)") { format, output };
        host.Handle(export, async context =>
        {
            var text = GradebookExport.Render(await ComputeAsync(context),
                context.Service<ICourseProvider>().Course.Assignments, context.Get(format));
            if (context.Get(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text, context.Cancellation);
            }
            else
            {
                await context.Out.WriteAsync(text);
            }

            return 0;
        });
        return export;
    }

    private static Command Set(CliHost host)
    {
        var (assignment, student, by) = Who();
        var item = new Option<string>("--item") { Description = "Rubric item or milestone id ('contribution' for a project member's share in percent)", Required = true };
        var points = new Option<double>("--points") { Required = true };
        var comment = new Option<string?>("--comment");
        var set = new Command("set", "Record a TA's points on a rubric item or milestone") { assignment, student, item, points, by, comment };
        host.Handle(set, async context =>
        {
            await using var scope = context.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Gradebook>().SetAsync(context.Get(assignment), context.Get(student),
                context.Get(item), context.Get(points), context.Get(by), context.Get(comment), context.Cancellation);
            await context.Out.WriteLineAsync($"{context.Get(assignment)}/{context.Get(student)}/{context.Get(item)}: {context.Get(points)} recorded");
            return 0;
        });
        return set;
    }

    private static Command Override(CliHost host)
    {
        var (assignment, student, by) = Who();
        var score = new Option<string>("--score") { Description = "Fraction 0..1 of the assignment's points, or 'none' to withdraw", Required = true };
        var reason = new Option<string>("--reason") { Required = true };
        var command = new Command("override", "Replace a student's score, with a reason (audited)") { assignment, student, score, reason, by };
        host.Handle(command, async context =>
        {
            var text = context.Get(score);
            double? fraction = text == "none" ? null
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
                : throw new BadInputException($"--score: '{text}' is not a number or 'none'");
            await using var scope = context.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Gradebook>().OverrideAsync(context.Get(assignment), context.Get(student),
                fraction, context.Get(reason), context.Get(by), context.Cancellation);
            await context.Out.WriteLineAsync($"{context.Get(assignment)}/{context.Get(student)}: override recorded");
            return 0;
        });
        return command;
    }

    private static (Argument<string> Assignment, Option<string> Student, Option<string> By) Who() =>
        (new Argument<string>("assignment"),
            new Option<string>("--student") { Required = true },
            new Option<string>("--by") { Description = "Staff login recording the grade", Required = true });

    private static async Task<IReadOnlyList<GradebookRow>> ComputeAsync(CommandContext context)
    {
        await using var scope = context.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Gradebook>().ComputeAsync(context.Cancellation);
    }

    // One line per assignment and reason, so an empty column is never mistaken for missing work.
    private static IEnumerable<string> Footnotes(IReadOnlyList<GradebookRow> rows, IEnumerable<AssignmentSpec> assignments) =>
        assignments.SelectMany(a => rows.Select(r => r.Assignments[a.Id].Missing).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(missing => $"{a.Id}: {missing}"));

    private static string Cell(AssignmentGrade grade) =>
        grade.Fraction is { } f ? $"{f * 100:0.0}{(grade.Overridden ? "*" : "")}" : "-";
}
