using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Grader.Cluster;
using Course.Grader.Grading;
using Course.Grader.Queue;

namespace Course.Grader.Cli;

/// <summary>
/// <c>grader worker [--concurrency N]</c>: claims and runs jobs until SIGTERM or Ctrl-C; jobs still
/// running then are handed back to the queue so another worker picks them up at once. It says which
/// GPUs it has: only jobs that need no more than those come its way, and it advertises its host (cores,
/// memory, GPUs) while it runs. With <c>Queue:Engine=slurm</c> it dispatches jobs to Slurm instead, and
/// <c>grader worker --job ID</c> is the step of one such Slurm job.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(CliHost host)
    {
        var concurrency = new Option<int>("--concurrency") { Description = "Jobs run at the same time", DefaultValueFactory = _ => 1 };
        var job = new Option<Guid?>("--job") { Description = "Run this one job as the step of its Slurm job, then exit" };
        var command = new Command("worker", "Run grading jobs from the queue until stopped") { concurrency, job };
        host.Handle(command, async context =>
        {
            var slots = context.Get(concurrency);
            if (slots < 1)
            {
                throw new BadInputException("--concurrency: must be at least 1");
            }

            if (context.Get(job) is { } id)
            {
                var (lease, outcome, note) = await context.Service<SlurmStep>().RunAsync(id, context.Cancellation);
                await context.Out.WriteLineAsync(lease is null ? note : $"job {id} attempt {lease.Attempt} ({note}): {outcome.ToString().ToLowerInvariant()}");
                return ExitCodes.Ok;
            }

            if (context.Service<ClusterOptions>() is { Engine: ClusterEngine.Slurm } cluster)
            {
                var dispatcher = context.Service<SlurmDispatcher>();
                await context.Out.WriteLineAsync($"worker {dispatcher.Name}: submitting jobs to Slurm partition {cluster.Partition}, waiting for jobs");
                await dispatcher.RunAsync(line => context.Out.WriteLine(line), context.Cancellation);
                await context.Out.WriteLineAsync($"worker {dispatcher.Name}: stopped");
                return ExitCodes.Ok;
            }

            // Building the services reads every module's settings (Queue, Sandbox, Web:PublicUrl...): a bad one
            // fails here, before a job is claimed, not after the first grade.
            var worker = context.Service<QueueWorker>();
            var sandbox = context.Service<IGradingSandbox>();
            var gpus = sandbox.Gpus.Count > 0 ? $"GPUs {string.Join(", ", sandbox.Gpus)} ({sandbox.GpusSource})" : "no GPU";
            await context.Out.WriteLineAsync($"worker {worker.Name}: {slots} slot(s), {gpus}, waiting for jobs");
            using var advertising = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
            var advertise = context.Service<LocalHost>().AdvertiseAsync($"{slots} slot(s)", advertising.Token);
            await worker.RunAsync(slots, (lease, outcome) =>
                context.Out.WriteLine($"job {lease.JobId} attempt {lease.Attempt}: {outcome.ToString().ToLowerInvariant()}"),
                null, context.Cancellation);
            await advertising.CancelAsync();
            await advertise;
            await context.Out.WriteLineAsync($"worker {worker.Name}: stopped");
            return ExitCodes.Ok;
        });
        return command;
    }
}
