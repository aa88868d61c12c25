using System.CommandLine;
using System.Globalization;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Core.Output;
using Course.Grader.Grading;
using Spectre.Console;

namespace Course.Grader.Grades;

/// <summary>
/// <c>grader grades rescore &lt;assignment&gt; [--publish | --discard --by LOGIN] [--json]</c>: drafts the rescore and
/// shows each student's old and new score and why; <c>--publish</c> writes the draft into the results, <c>--discard</c>
/// throws it away. Nothing is published without one of them.
/// </summary>
internal static class RescoreCommand
{
    public static Command Create(CliHost host)
    {
        var assignment = new Argument<string>("assignment") { Description = "A tests or debug assignment's id" };
        var publish = new Option<bool>("--publish") { Description = "Publish the draft: its new scores replace the published ones" };
        var discard = new Option<bool>("--discard") { Description = "Throw the draft away: the published scores stay" };
        var by = new Option<string?>("--by") { Description = "Staff login deciding (needed with --publish and --discard)" };
        var command = new Command("rescore",
            "Rescore an assignment after its reference outputs, checks, test inputs or late rule changed: a draft with each student's old and new score")
        {
            assignment, publish, discard, by,
        };
        host.Handle(command, async context =>
        {
            var id = context.Get(assignment);
            if (context.Get(publish) && context.Get(discard))
            {
                throw new BadInputException("--publish and --discard: choose one");
            }

            var decided = context.Get(publish) || context.Get(discard);
            if (decided && string.IsNullOrWhiteSpace(context.Get(by)))
            {
                throw new BadInputException($"--by: who {(context.Get(publish) ? "publishes" : "discards")} the draft is required (a staff login)");
            }

            await using var scope = context.CreateScope();
            var rescorer = scope.ServiceProvider.GetRequiredService<Rescorer>();
            if (context.Get(discard))
            {
                var discarded = await rescorer.DiscardAsync(id, context.Get(by)!, context.Cancellation);
                await Report(context, new { discarded }, $"{id}: draft of {discarded} line(s) discarded; the published scores stay");
                return ExitCodes.Ok;
            }

            if (context.Get(publish))
            {
                var published = await rescorer.PublishAsync(id, context.Get(by)!, context.Cancellation);
                var waiting = (await rescorer.PendingAsync(id, context.Cancellation)).Count;
                await Report(context, new { published = published.Select(Row).ToList(), waitingForRun = waiting },
                    $"{id}: {published.Count} score(s) published{(waiting > 0 ? $"; {waiting} wait for a run (grader jobs rerun {id}, then rescore again)" : "")}");
                return ExitCodes.Ok;
            }

            var lines = (await rescorer.DraftAsync(id, context.Cancellation)).Select(Row).ToList();
            if (context.Json)
            {
                await context.WriteJsonAsync(lines);
                return ExitCodes.Ok;
            }

            await PrintAsync(context.Out, lines);
            await context.Out.WriteLineAsync(lines.Count == 0
                ? $"{id}: no score changes"
                : $"{id}: draft of {lines.Count} line(s), nothing published: grader grades rescore {id} --publish --by LOGIN, or --discard --by LOGIN");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static RescoreRow Row(RescoreEntry line) => new(line.Owner, line.Commit, line.Kind, line.OldVerdict, line.OldScore,
        line.OldMaxScore, line.OldLateDays, line.NewVerdict, line.NewScore, line.NewMaxScore, line.NewLateDays, line.Why);

    private static Task Report(CommandContext context, object json, string text) =>
        context.Json ? context.WriteJsonAsync(json) : context.Out.WriteLineAsync(text);

    private static async Task PrintAsync(TextWriter output, IReadOnlyList<RescoreRow> lines)
    {
        var table = new Table().AddColumns("owner", "commit", "old", "new", "why");
        foreach (var line in lines)
        {
            table.AddRow(Markup.Escape(line.Owner), Markup.Escape(line.Commit[..Math.Min(10, line.Commit.Length)]),
                Markup.Escape(Score(line.OldVerdict, line.OldScore, line.OldMaxScore, line.OldLateDays)),
                Markup.Escape(line.NewVerdict is { } verdict ? Score(verdict, line.NewScore ?? 0, line.NewMaxScore ?? 0, line.NewLateDays ?? 0) : "needs a run"),
                Markup.Escape(line.Why));
        }

        await TableWriter.WriteAsync(output, table);
    }

    private static string Score(Verdict verdict, double score, double max, int lateDays) => string.Create(CultureInfo.InvariantCulture,
        $"{score:0.##}/{max:0.##} {verdict.ToString().ToLowerInvariant()}{(lateDays > 0 ? $" {lateDays}d late" : "")}");
}

/// <summary>One student's line of a rescore: the published verdict and score, the new ones (null: needs a run) and why.</summary>
public sealed record RescoreRow(string Owner, string Commit, RescoreKind Kind, Verdict OldVerdict, double OldScore, double OldMaxScore,
    int OldLateDays, Verdict? NewVerdict, double? NewScore, double? NewMaxScore, int? NewLateDays, string Why);
