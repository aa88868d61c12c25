namespace Course.Grader.Cluster;

/// <summary>
/// <c>grader serve --workers N</c> (N above 0) when the engine is Slurm: the server process runs the Slurm dispatcher
/// instead of grading in its own process, so jobs run where Slurm places them, as with <c>grader worker</c>. Slurm decides
/// how many run at once; N only turns dispatching on (<c>--workers 0</c> leaves it to <c>grader worker</c> processes).
/// A partition Slurm does not know, or a Slurm that does not answer, stops the server as it starts.
/// </summary>
internal sealed class ServedDispatcher(SlurmDispatcher dispatcher, ClusterOptions cluster, ILogger<ServedDispatcher> log) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await dispatcher.CheckPartitionAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        log.LogInformation("worker {Worker}: submitting jobs to Slurm partition {Partition} from the server process", dispatcher.Name, cluster.Partition);
        return dispatcher.RunAsync(line => log.LogInformation("{Line}", line), stoppingToken);
    }
}
