using Course.Grader.Grading;

namespace Course.Grader.Cluster;

/// <summary>
/// Slurm's own start-time estimates (<c>squeue --start</c>) of the grading jobs it holds pending, for the queue
/// estimate. Empty when the engine is local, when Slurm gives no estimate (N/A) or when Slurm does not answer from
/// this machine (a web server without Slurm's commands): the caller falls back to its measured estimate.
/// </summary>
internal sealed class SlurmStartTimes(SlurmCli slurm, ClusterOptions cluster)
{
    /// <summary>The expected start of each of <paramref name="slurmJobIds"/> Slurm has an estimate for, by Slurm job id.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> EstimateAsync(IReadOnlyCollection<string> slurmJobIds,
        CancellationToken cancellation)
    {
        var starts = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (cluster.Engine != ClusterEngine.Slurm || slurmJobIds.Count == 0)
        {
            return starts;
        }

        string listed;
        try
        {
            listed = await slurm.RunAsync("squeue", ["--start", "-h", "-t", "PENDING", "-j", string.Join(',', slurmJobIds), "-o", "%i|%S"], cancellation);
        }
        catch (InfrastructureException)
        {
            // No answer from Slurm here: the measured estimate stands in, and says so.
            return starts;
        }

        foreach (var fields in listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => line.Split('|')))
        {
            if (fields.Length == 2 && SlurmTime.Parse(fields[1]) is { } start)
            {
                starts[fields[0]] = start;
            }
        }

        return starts;
    }
}
