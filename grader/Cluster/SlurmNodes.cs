using System.Globalization;

namespace Course.Grader.Cluster;

/// <summary>
/// Advertises the nodes of the Slurm partition in the hosts table, as <c>sinfo</c> reports them: CPUs, memory,
/// GPUs (<c>Gres</c>, with their type when the cluster names one) and how many of those jobs use (<c>GresUsed</c>).
/// </summary>
internal sealed class SlurmNodes(SlurmCli slurm, ClusterOptions cluster, IServiceScopeFactory scopes)
{
    public async Task AdvertiseAsync(CancellationToken cancellation)
    {
        var output = await slurm.RunAsync("sinfo",
            ["-h", "-N", "-p", cluster.Partition!, "-O", "NodeList:|,CPUs:|,Memory:|,Gres:|,GresUsed:|,StateLong:"], cancellation);
        await using var scope = scopes.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<HostRegistry>();
        foreach (var fields in output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|').Select(f => f.Trim()).ToArray()))
        {
            if (fields.Length < 6)
            {
                continue;
            }

            var (gpus, kind) = Gpus(fields[3]);
            var (used, _) = Gpus(fields[4]);
            await registry.AdvertiseAsync(new WorkerHost
            {
                Name = fields[0],
                Engine = "slurm",
                Cores = Number(fields[1]),
                MemoryBytes = Number(fields[2]) * (1L << 20),
                Gpus = gpus,
                FreeGpus = Math.Max(0, gpus - used),
                GpuKind = kind,
                Status = fields[5],
                SeenAt = default,
            }, cancellation);
        }
    }

    /// <summary>The GPU count and type of a GRES list such as <c>gpu:2</c>, <c>gpu:a100:4(S:0-1)</c> or <c>gpu:a100:1(IDX:0)</c>.</summary>
    public static (int Count, string? Kind) Gpus(string gres)
    {
        var (count, kind) = (0, (string?)null);
        foreach (var entry in gres.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('(')[0].Split(':');
            if (parts[0] != "gpu" || parts.Length < 2)
            {
                continue;
            }

            count += Number(parts[^1]);
            kind = parts.Length > 2 ? parts[1] : kind;
        }

        return (count, kind);
    }

    private static int Number(string text) =>
        int.TryParse(text.TrimEnd('+'), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
