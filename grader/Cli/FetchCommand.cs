using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Core.Output;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Course.Sandbox.Limits;

namespace Course.Grader.Cli;

/// <summary>
/// <c>grader fetch &lt;assignment&gt; --source local --repos DIR [--grade] [--every 30s]</c>: records each student's current
/// commit, once, or every period until stopped.
/// </summary>
internal static class FetchCommand
{
    public static Command Create(CliHost host)
    {
        var assignment = new Argument<string>("assignment") { Description = "Assignment id from course.json" };
        var source = new Option<string>("--source") { Description = "github or local", DefaultValueFactory = _ => "local" };
        var repositories = new Option<string?>("--repos") { Description = "Folder of bare repositories (local source)" };
        var grade = new Option<bool>("--grade") { Description = "Then queue grading of the recorded submissions, as grader grade does" };
        var every = new Option<string?>("--every")
        {
            Description = "Fetch again every period (e.g. 30s) until stopped (SIGTERM, Ctrl-C), in this one process: "
                          + "in a deadline rush, rounds after the first skip what nobody pushed to and start no new runtime",
        };
        var command = new Command("fetch", "Record the commit each student or team submitted (received-at = first seen by this server)")
        {
            assignment, source, repositories, grade, every,
        };
        host.Handle(command, async context =>
        {
            var round = new FetchRound(context.Get(source), context.Get(assignment), context.Get(repositories), context.Get(grade));
            if (context.Get(every) is not { } period)
            {
                return await round.RunAsync(context, again: false);
            }

            var wait = LimitText.ParseDuration(period, "--every");
            if (wait < TimeSpan.FromSeconds(1))
            {
                throw new BadInputException($"--every: '{period}' is shorter than a second");
            }

            var time = context.Services.GetRequiredService<TimeProvider>();
            for (var again = false; !context.Cancellation.IsCancellationRequested; again = true)
            {
                await round.RunAsync(context, again);
                await Task.Delay(wait, time, context.Cancellation).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One round: fetch, then (with --grade) queue; each round has its own scope (roster, database context).</summary>
    private sealed record FetchRound(string Source, string Assignment, string? Repositories, bool Grade)
    {
        /// <summary>
        /// A round run <paramref name="again"/> (--every) shows no progress and lists only what changed, counting the known
        /// repositories; it queues only when it recorded something (the first round queued whatever was recorded before).
        /// </summary>
        public async Task<int> RunAsync(CommandContext context, bool again)
        {
            await using var scope = context.CreateScope();
            var sources = scope.ServiceProvider.GetServices<IIntakeSource>().ToList();
            var intake = sources.FirstOrDefault(s => s.Name == Source) ?? throw new BadInputException(
                $"--source: '{Source}' is not one of {string.Join(", ", sources.Select(s => s.Name))}");
            var entries = context.Json || again
                ? await intake.FetchAsync(Assignment, Repositories, null, context.Cancellation)
                : await context.Progress().RunAsync($"fetch {Assignment}", progress =>
                    intake.FetchAsync(Assignment, Repositories,
                        new SynchronousProgress<FetchEntry>(e => progress.Report(new ProgressStep($"{e.Repository}: {e.Status}"))),
                        context.Cancellation));
            // A timer that fetches and queues in one process starts one runtime, not two (a deadline rush runs it often).
            var jobs = Grade && (!again || entries.Any(e => e.Status == FetchStatus.Recorded))
                ? await scope.ServiceProvider.GetRequiredService<GradeRequests>().EnqueueAsync(Assignment, null, context.Cancellation)
                : null;
            if (context.Json)
            {
                await (jobs is null ? context.WriteJsonAsync(entries) : context.WriteJsonAsync(new
                {
                    entries, jobsQueued = jobs.Count(j => j.Created), jobsKnown = jobs.Count(j => !j.Created),
                }));
                return ExitCodes.Ok;
            }

            foreach (var entry in entries.Where(e => !again || e.Status != FetchStatus.Known))
            {
                var timing = entry.OnTime is { } onTime ? (onTime ? " on time" : " LATE") : "";
                await context.Out.WriteLineAsync(
                    $"{entry.Repository}: {entry.Status.ToString().ToLowerInvariant()} {(entry.Commit is null ? "" : ShortCommit.Of(entry.Commit))}{timing}{(entry.Message is null ? "" : $" ({entry.Message})")}");
            }

            await context.Out.WriteLineAsync($"{entries.Count(e => e.Status == FetchStatus.Recorded)} recorded, " +
                $"{entries.Count(e => e.Status == FetchStatus.Known)} already known, {entries.Count(e => e.Status == FetchStatus.Skipped)} skipped");
            if (jobs is not null)
            {
                await context.Out.WriteLineAsync(GradeRequests.Summary(jobs));
            }

            return ExitCodes.Ok;
        }
    }
}
