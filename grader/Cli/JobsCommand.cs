using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Grader.Queue;

namespace Course.Grader.Cli;

/// <summary><c>grader jobs [--assignment A] [--state S] [--json]</c>: the queue and recent results; <c>grader jobs rerun</c> beneath it.</summary>
internal static class JobsCommand
{
    public static Command Create(CliHost host)
    {
        var assignment = new Option<string?>("--assignment") { Description = "Only this assignment's jobs" };
        var state = new Option<JobState?>("--state") { Description = "queued, running, succeeded, failed, retrying or blocked" };
        var limit = new Option<int>("--limit") { Description = "Newest jobs shown", DefaultValueFactory = _ => 200 };
        var command = new Command("jobs", "Show grading jobs: state, attempts, verdict and score")
        {
            assignment, state, limit, JobsRerunCommand.Create(host),
        };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var rows = await scope.ServiceProvider.GetRequiredService<JobsView>()
                .ListAsync(null, context.Cancellation, context.Get(assignment), context.Get(state), Math.Max(1, context.Get(limit)));
            if (context.Json)
            {
                await context.WriteJsonAsync(rows);
            }
            else
            {
                await JobsView.PrintAsync(context.Out, rows);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
