using System.CommandLine;
using System.Globalization;
using Course.Assignments.Courses;
using Course.Assignments.Roster;
using Course.Core.Cli;
using Course.Core.Errors;

namespace Course.Grader.Grades;

/// <summary><c>grader grades final</c> (the statement of each final grade) and <c>grader grades history</c> (the audit log).</summary>
internal static class FinalGradeCommands
{
    public static Command Final(CliHost host)
    {
        var login = new Argument<string?>("login") { Description = "Only this student", Arity = ArgumentArity.ZeroOrOne };
        var final = new Command("final", "Final grades with the statement of how each was computed") { login };
        host.Handle(final, async context =>
        {
            await using var scope = context.CreateScope();
            var statements = await scope.ServiceProvider.GetRequiredService<FinalGrades>().ComputeAsync(context.Get(login), context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(statements);
                return 0;
            }

            foreach (var statement in statements)
            {
                await context.Out.WriteLineAsync($"{statement.Login} ({statement.Name}): {statement.Letter ?? "-"}");
                foreach (var line in statement.Lines)
                {
                    await context.Out.WriteLineAsync($"  {line}");
                }
            }

            return 0;
        });
        return final;
    }

    public static Command History(CliHost host)
    {
        var login = new Argument<string?>("login") { Description = "Only this student", Arity = ArgumentArity.ZeroOrOne };
        var assignment = new Argument<string?>("assignment") { Description = "Only this assignment", Arity = ArgumentArity.ZeroOrOne };
        var history = new Command("history", "Every change to a grade: who, when, old, new and why") { login, assignment };
        host.Handle(history, async context =>
        {
            await using var scope = context.CreateScope();
            if (context.Get(login) is { } student && await scope.ServiceProvider.GetRequiredService<IRoster>().StudentAsync(student, context.Cancellation) is null)
            {
                throw new NotFoundException($"login: '{student}' is not an enrolled student");
            }

            if (context.Get(assignment) is { } id)
            {
                context.Service<ICourseProvider>().Assignment(id);
            }

            var changes = await scope.ServiceProvider.GetRequiredService<IGradeAudit>().HistoryAsync(context.Get(login), context.Get(assignment),
                context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(changes);
                return 0;
            }

            foreach (var change in changes)
            {
                await context.Out.WriteLineAsync(Line(change));
            }

            return 0;
        });
        return history;
    }

    /// <summary>One change as a line: when (UTC), who, which grade, old -> new, what and why.</summary>
    public static string Line(GradeChange change) =>
        $"{change.At.UtcDateTime:yyyy-MM-dd HH:mm} {change.By} {change.Assignment}/{change.Login} {Fraction(change.Old)} -> {Fraction(change.New)} {change.Kind}: {change.Reason}";

    private static string Fraction(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "none";
}
