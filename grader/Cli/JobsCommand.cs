using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Grader.Cluster;
using Course.Grader.Queue;

namespace Course.Grader.Cli;

/// <summary>
/// <c>grader jobs [--assignment A] [--state S] [--json]</c>: the queue and recent results, with where each job runs
/// (host, GPUs, Slurm job and node); <c>grader jobs cancel ID</c> cancels one (scancel for a Slurm job).
/// </summary>
internal static class JobsCommand
{
    public static Command Create(CliHost host)
    {
        var assignment = new Option<string?>("--assignment") { Description = "Only this assignment's jobs" };
        var state = new Option<JobState?>("--state") { Description = "queued, running, succeeded, failed or retrying" };
        var limit = new Option<int>("--limit") { Description = "Newest jobs shown", DefaultValueFactory = _ => 200 };
        var command = new Command("jobs", "Show grading jobs: state, attempts, where they run, verdict and score") { assignment, state, limit, Cancel(host) };
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

    private static Command Cancel(CliHost host)
    {
        var id = new Argument<string>("ID") { Description = "The job's id, or its first 8 characters as grader jobs shows them" };
        var command = new Command("cancel", "Cancel a queued or running job; a Slurm job is cancelled with scancel") { id };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var (job, scancelError) = await scope.ServiceProvider.GetRequiredService<JobCancellation>().CancelAsync(context.Get(id), context.Cancellation);
            var slurm = job.SlurmJobId is { } slurmJob && job.State == JobState.Running ? $" (Slurm job {slurmJob} cancelled)" : "";
            if (scancelError is not null)
            {
                throw new WorkFailedException($"job {job.Id} cancelled in the queue, but scancel {job.SlurmJobId} failed: {scancelError}");
            }

            await context.Out.WriteLineAsync($"job {job.Id} ({job.Assignment}, {job.Owner}) cancelled, was {job.State.ToString().ToLowerInvariant()}{slurm}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
