using Course.Grader.Queue;

namespace Course.Grader.Web.Hosting;

/// <summary>
/// The grading workers <c>grader serve --workers N</c> runs in its own process, so one command takes a
/// push all the way to a graded result; <c>--workers 0</c> leaves grading to separate
/// <c>grader worker</c> processes (more machines, the scale-out path).
/// </summary>
internal sealed class ServedWorkers(QueueWorker worker, int slots, ILogger<ServedWorkers> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        log.LogInformation("worker {Worker}: {Slots} slot(s) in the server process", worker.Name, slots);
        return worker.RunAsync(slots, (lease, outcome) =>
            log.LogInformation("job {Job} attempt {Attempt}: {Outcome}", lease.JobId, lease.Attempt, outcome), null, stoppingToken);
    }
}
