using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Queue;

namespace Course.Grader.Cli;

/// <summary>
/// <c>grader worker [--concurrency N]</c>: claims and runs jobs until SIGTERM or Ctrl-C; jobs still
/// running then are handed back to the queue so another worker picks them up at once. It says which
/// GPUs it has: only jobs that need no more than those come its way.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(CliHost host)
    {
        var concurrency = new Option<int>("--concurrency") { Description = "Jobs run at the same time", DefaultValueFactory = _ => 1 };
        var command = new Command("worker", "Run grading jobs from the queue until stopped") { concurrency };
        host.Handle(command, async context =>
        {
            var slots = context.Get(concurrency);
            if (slots < 1)
            {
                throw new BadInputException("--concurrency: must be at least 1");
            }

            // Building the services reads every module's settings (Queue, Sandbox, Web:PublicUrl...): a bad one
            // fails here, before a job is claimed, not after the first grade.
            var worker = context.Service<QueueWorker>();
            var sandbox = context.Service<IGradingSandbox>();
            var gpus = sandbox.Gpus.Count > 0 ? $"GPUs {string.Join(", ", sandbox.Gpus)} ({sandbox.GpusSource})" : "no GPU";
            await context.Out.WriteLineAsync($"worker {worker.Name}: {slots} slot(s), {gpus}, waiting for jobs");
            await worker.RunAsync(slots, (lease, outcome) =>
                context.Out.WriteLine($"job {lease.JobId} attempt {lease.Attempt}: {outcome.ToString().ToLowerInvariant()}"),
                null, context.Cancellation);
            await context.Out.WriteLineAsync($"worker {worker.Name}: stopped");
            return ExitCodes.Ok;
        });
        return command;
    }
}
