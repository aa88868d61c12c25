using System.CommandLine;
using System.Globalization;
using Course.Assignments.Courses;
using Course.Assignments.Roster;
using Course.Core.Cli;
using Course.Core.Errors;

namespace Course.Grader.Grades.Regrades;

/// <summary><c>grader regrades list|show|reply|resolve</c>: staff work through students' regrade requests.</summary>
internal static class RegradesCommands
{
    public static Command Create(CliHost host) =>
        new("regrades", "Students' regrade requests: list, read, answer and resolve them")
        {
            List(host), Show(host), Reply(host), Resolve(host),
        };

    private static Command List(CliHost host)
    {
        var assignment = new Option<string?>("--assignment") { Description = "Only this assignment's requests" };
        var all = new Option<bool>("--all") { Description = "Resolved requests too" };
        var list = new Command("list", "Open regrade requests, oldest first per assignment") { assignment, all };
        host.Handle(list, async context =>
        {
            var requests = await DeskAsync(context, (desk, by) => desk.ListAsync(by, context.Get(assignment), context.Get(all), context.Cancellation), null);
            if (context.Json)
            {
                await context.WriteJsonAsync(requests);
                return 0;
            }

            foreach (var request in requests)
            {
                await context.Out.WriteLineAsync(
                    $"{request.Id:N} {request.Assignment} {request.Item} {request.Team} (asked by {request.AskedBy} {request.AskedAt:yyyy-MM-dd HH:mm}) {request.State}, {request.Messages.Count} message(s): {First(request)}");
            }

            return 0;
        });
        return list;
    }

    private static Command Show(CliHost host)
    {
        var id = Id();
        var show = new Command("show", "One request with its thread") { id };
        host.Handle(show, async context =>
        {
            var request = await DeskAsync(context, (desk, by) => desk.ShowAsync(by, context.Get(id), context.Cancellation), null);
            await WriteAsync(context, request);
            return 0;
        });
        return show;
    }

    private static Command Reply(CliHost host)
    {
        var id = Id();
        var by = By();
        var message = new Option<string>("--message") { Required = true };
        var reply = new Command("reply", "Answer in a request's thread (the team is e-mailed)") { id, by, message };
        host.Handle(reply, async context =>
        {
            var request = await DeskAsync(context, (desk, staff) => desk.ReplyAsync(staff, context.Get(id), context.Get(message), context.Cancellation),
                context.Get(by));
            await WriteAsync(context, request);
            return 0;
        });
        return reply;
    }

    private static Command Resolve(CliHost host)
    {
        var id = Id();
        var by = By();
        var reason = new Option<string>("--reason") { Required = true };
        var score = new Option<string?>("--score")
        {
            Description = "New score, a fraction 0..1 of the assignment's points, for every team member (an override); absent: unchanged",
        };
        var resolve = new Command("resolve", "Close a request with a new score or unchanged, with the reason (the team is e-mailed)") { id, by, reason, score };
        host.Handle(resolve, async context =>
        {
            double? fraction = context.Get(score) is not { } text ? null
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
                : throw new BadInputException($"--score: '{text}' is not a number");
            var request = await DeskAsync(context, (desk, staff) => desk.ResolveAsync(staff, context.Get(id), fraction, context.Get(reason), context.Cancellation),
                context.Get(by));
            await WriteAsync(context, request);
            return 0;
        });
        return resolve;
    }

    private static Argument<string> Id() => new("id") { Description = "The request's id (or its first 8 or more hex digits)" };

    private static Option<string> By() => new("--by") { Description = "Staff login answering", Required = true };

    /// <param name="by">The staff member acting (checked); null for reading, which the command line does as staff.</param>
    private static async Task<T> DeskAsync<T>(CommandContext context, Func<RegradeDesk, string, Task<T>> act, string? by)
    {
        await using var scope = context.CreateScope();
        var roster = scope.ServiceProvider.GetRequiredService<IRoster>();
        if (by is not null && roster.Staff(by) is null)
        {
            throw new BadInputException($"--by: '{by}' is not on the course's staff (course.json staff)");
        }

        // Reading names no one: the course's first staff member stands for the staff at the command line.
        var viewer = by ?? scope.ServiceProvider.GetRequiredService<ICourseProvider>().Course.Staff.FirstOrDefault()?.Login
            ?? throw new BadInputException("staff: course.json names no staff");
        return await act(scope.ServiceProvider.GetRequiredService<RegradeDesk>(), viewer);
    }

    private static async Task WriteAsync(CommandContext context, RegradeView request)
    {
        if (context.Json)
        {
            await context.WriteJsonAsync(request);
            return;
        }

        await context.Out.WriteLineAsync($"{request.Id:N} {request.Assignment} {request.Item} {request.Team}: {request.State}");
        foreach (var message in request.Messages)
        {
            await context.Out.WriteLineAsync($"  {message.At:yyyy-MM-dd HH:mm} {message.Author}{(message.FromStaff ? " (staff)" : "")}: {message.Text}");
        }

        if (request.Resolution is { } resolution)
        {
            var score = request.NewScore is { } s ? string.Create(CultureInfo.InvariantCulture, $" -> {s:0.###}") : "";
            await context.Out.WriteLineAsync($"  resolved by {request.ResolvedBy} {request.ResolvedAt:yyyy-MM-dd HH:mm}{score}: {resolution}");
        }
    }

    private static string First(RegradeView request) =>
        request.Messages.Count == 0 ? "" : request.Messages[0].Text.ReplaceLineEndings(" ") is var text && text.Length > 60 ? text[..60] + "..." : request.Messages[0].Text.ReplaceLineEndings(" ");
}
