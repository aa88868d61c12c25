using System.CommandLine;
using Course.Core.Cli;
using Course.Leaderboard.Boards;
using Course.Leaderboard.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Leaderboard.Cli;

/// <summary><c>grader leaderboard show|submit|select|finalize|merge</c>.</summary>
internal static class LeaderboardCommands
{
    public static Command Create(CliHost host) =>
        new("leaderboard", "Kaggle-style competition boards") { Show(host), Submit(host), Select(host), Finalize(host), Merge(host) };

    private static Argument<string> AssignmentArgument() => new("assignment") { Description = "A competition assignment's id" };

    private static Option<string> TeamOption() => new("--team") { Description = "Team name (or a member's login)", Required = true };

    private static Command Show(CliHost host)
    {
        var assignment = AssignmentArgument();
        var privateBoard = new Option<bool>("--private") { Description = "The private board (after finalize)" };
        var command = new Command("show", "Show the public (or, after finalize, the private) board") { assignment, privateBoard };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var board = await scope.ServiceProvider.GetRequiredService<BoardService>()
                .ShowAsync(context.Get(assignment), context.Get(privateBoard), context.Cancellation);
            await WriteAsync(context, board);
            return 0;
        });
        return command;
    }

    private static Command Submit(CliHost host)
    {
        var assignment = AssignmentArgument();
        var team = TeamOption();
        var file = new Option<string>("--file") { Description = "predictions.csv to upload", Required = true };
        var key = new Option<string?>("--key") { Description = "Idempotency key (a retry with the same key records nothing new); default: a new one" };
        var command = new Command("submit", "Upload a predictions file for a team (counts against its daily limit)") { assignment, team, file, key };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var receipt = await scope.ServiceProvider.GetRequiredService<ILeaderboard>().SubmitAsync(
                new SubmissionRequest(context.Get(assignment), context.Get(team), Path.GetFullPath(context.Get(file)), SubmissionSource.Upload,
                    context.Get(key) ?? $"upload/{Guid.NewGuid():N}"),
                context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(receipt);
            }
            else if (receipt.Status == SubmissionStatus.Scored)
            {
                await context.Out.WriteLineAsync($"submission {receipt.Id}: public score {receipt.PublicScore:0.#####}{(receipt.Repeated ? " (already recorded)" : "")}");
            }

            if (receipt.Status != SubmissionStatus.Scored)
            {
                await context.Error.WriteLineAsync($"error: submission {receipt.Id} is {receipt.Status}: {receipt.Error}");
                return 2;
            }

            return 0;
        });
        return command;
    }

    private static Command Select(CliHost host)
    {
        var assignment = AssignmentArgument();
        var team = TeamOption();
        var submission = new Option<string>("--submission") { Description = "Submission id", Required = true };
        var remove = new Option<bool>("--remove") { Description = "Unselect it instead" };
        var command = new Command("select", "Choose a final submission for the private board") { assignment, team, submission, remove };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var selected = await scope.ServiceProvider.GetRequiredService<BoardService>().SelectAsync(context.Get(assignment),
                context.Get(team), context.Get(submission), context.Get(remove), context.Cancellation);
            await (context.Json ? context.WriteJsonAsync(selected) : context.Out.WriteLineAsync($"selected: {string.Join(", ", selected)}"));
            return 0;
        });
        return command;
    }

    private static Command Finalize(CliHost host)
    {
        var assignment = AssignmentArgument();
        var command = new Command("finalize", "Close the competition after its deadline and show the private board") { assignment };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var board = await scope.ServiceProvider.GetRequiredService<BoardService>().FinalizeAsync(context.Get(assignment), context.Cancellation);
            await WriteAsync(context, board);
            return 0;
        });
        return command;
    }

    private static Command Merge(CliHost host)
    {
        var assignment = AssignmentArgument();
        var first = new Option<string>("--team") { Description = "First team", Required = true };
        var second = new Option<string>("--with") { Description = "Second team", Required = true };
        var command = new Command("merge", "Check Kaggle's merge rule for two teams (exit 2 when they may not merge)") { assignment, first, second };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var verdict = await scope.ServiceProvider.GetRequiredService<BoardService>()
                .CheckMergeAsync(context.Get(assignment), context.Get(first), context.Get(second), context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(verdict);
            }
            else
            {
                await context.Out.WriteLineAsync(verdict.Allowed
                    ? $"may merge: {verdict.CombinedSubmissions} of {verdict.AllowedSubmissions} submissions used; update teams.csv and run grader teams import"
                    : $"may not merge: {string.Join("; ", verdict.Problems)}");
            }

            return verdict.Allowed ? 0 : 2;
        });
        return command;
    }

    private static async Task WriteAsync(CommandContext context, Board board)
    {
        if (context.Json)
        {
            await context.WriteJsonAsync(board);
            return;
        }

        BoardTable.Write(board, context.Out);
    }
}
