using System.CommandLine;
using System.Globalization;
using Course.Core.Cli;

namespace Course.Grader.Grades;

/// <summary><c>grader grades extend</c> (staff grant a new deadline) and <c>grader grades late-days</c> (a student's days and a push's cost).</summary>
internal static class LateDayCommands
{
    public static Command Extend(CliHost host)
    {
        var assignment = new Argument<string>("assignment");
        var student = new Option<string?>("--student") { Description = "The student to extend (individual work)" };
        var team = new Option<string?>("--team") { Description = "The team to extend (team work)" };
        var until = new Option<string>("--until") { Description = "New deadline, local time in the course's time zone (2026-10-14T23:59) or with an offset", Required = true };
        var reason = new Option<string>("--reason") { Required = true };
        var by = new Option<string>("--by") { Description = "Staff login granting the extension", Required = true };
        var extend = new Command("extend", "Grant a student or team a new deadline; grades already given are recomputed and logged")
        {
            assignment, student, team, until, reason, by,
        };
        host.Handle(extend, async context =>
        {
            await using var scope = context.CreateScope();
            var granted = await scope.ServiceProvider.GetRequiredService<ExtensionGrants>().GrantAsync(context.Get(assignment), context.Get(student),
                context.Get(team), context.Get(until), context.Get(reason), context.Get(by), context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(granted);
                return 0;
            }

            await context.Out.WriteLineAsync(
                $"{granted.Assignment}/{granted.Owner}: deadline {granted.Deadline.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)} granted by {granted.GrantedBy}");
            return 0;
        });
        return extend;
    }

    public static Command LateDays(CliHost host)
    {
        var login = new Argument<string>("login");
        var assignment = new Option<string?>("--assignment") { Description = "Also say what a push to this assignment now would cost" };
        var command = new Command("late-days", "A student's late days used and left, and what a push now would cost") { login, assignment };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var statement = await scope.ServiceProvider.GetRequiredService<LateDayPreview>().ShowAsync(context.Get(login), context.Get(assignment),
                context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(statement);
                return 0;
            }

            await context.Out.WriteLineAsync($"{statement.Login}: {statement.Left} of {statement.Pool} late day(s) left ({statement.Used} used)");
            foreach (var use in statement.Uses)
            {
                await context.Out.WriteLineAsync($"  {use.Assignment}: {use.DaysLate} day(s) late, {use.DaysUsed} late day(s) used");
            }

            if (statement.PushNow is { } cost)
            {
                await context.Out.WriteLineAsync($"{cost.Assignment}: {cost.Summary}");
            }

            return 0;
        });
        return command;
    }
}
