using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Core.Output;
using Course.Grader.Queue;
using Course.Grader.Submissions;

namespace Course.Grader.Cli;

/// <summary><c>grader fetch &lt;assignment&gt; --source local --repos DIR</c>: records each student's current commit.</summary>
internal static class FetchCommand
{
    public static Command Create(CliHost host)
    {
        var assignment = new Argument<string>("assignment") { Description = "Assignment id from course.json" };
        var source = new Option<string>("--source") { Description = "github or local", DefaultValueFactory = _ => "local" };
        var repositories = new Option<string?>("--repos") { Description = "Folder of bare repositories (local source)" };
        var grade = new Option<bool>("--grade") { Description = "Then queue grading of the recorded submissions, as grader grade does" };
        var command = new Command("fetch", "Record the commit each student or team submitted (received-at = first seen by this server)")
        {
            assignment, source, repositories, grade,
        };
        host.Handle(command, async context =>
        {
            var from = context.Get(source);
            await using var scope = context.CreateScope();
            var sources = scope.ServiceProvider.GetServices<IIntakeSource>().ToList();
            var intake = sources.FirstOrDefault(s => s.Name == from) ?? throw new BadInputException(
                $"--source: '{from}' is not one of {string.Join(", ", sources.Select(s => s.Name))}");
            var entries = context.Json
                ? await intake.FetchAsync(context.Get(assignment), context.Get(repositories), null, context.Cancellation)
                : await context.Progress().RunAsync($"fetch {context.Get(assignment)}", progress =>
                    intake.FetchAsync(context.Get(assignment), context.Get(repositories),
                        new SynchronousProgress<FetchEntry>(e => progress.Report(new ProgressStep($"{e.Repository}: {e.Status}"))),
                        context.Cancellation));
            // A timer that fetches and queues in one process starts one runtime, not two (a deadline rush runs it often).
            var jobs = context.Get(grade)
                ? await scope.ServiceProvider.GetRequiredService<GradeRequests>().EnqueueAsync(context.Get(assignment), null, context.Cancellation)
                : null;
            if (context.Json)
            {
                await (jobs is null ? context.WriteJsonAsync(entries) : context.WriteJsonAsync(new
                {
                    entries, jobsQueued = jobs.Count(j => j.Created), jobsKnown = jobs.Count(j => !j.Created),
                }));
                return ExitCodes.Ok;
            }

            foreach (var entry in entries)
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
        });
        return command;
    }
}
