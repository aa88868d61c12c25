using System.ComponentModel;
using System.Diagnostics;
using Course.Grader.Grading;
using Course.Grader.Queue;

namespace Course.Grader.Cluster;

/// <summary>
/// What this host has for a local <c>grader worker</c>: cores, memory, the sandbox's GPUs (those Sandbox:Gpus names
/// or nvidia-smi finds) with how many are free right now, and their model from nvidia-smi.
/// </summary>
internal sealed class LocalHost(IGradingSandbox sandbox, IServiceScopeFactory scopes, QueueOptions options, TimeProvider time)
{
    private readonly Lazy<string?> _kind = new(() => sandbox.Gpus.Count == 0 ? null : GpuModel());

    public WorkerHost Describe(string status) => new()
    {
        Name = Environment.MachineName,
        Engine = "local",
        Cores = Environment.ProcessorCount,
        MemoryBytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        Gpus = sandbox.Gpus.Count,
        FreeGpus = sandbox.FreeGpus(),
        GpuKind = _kind.Value,
        Status = status,
        SeenAt = default,
    };

    /// <summary>Advertises this host at once and then with every queue heartbeat, until <paramref name="stopping"/> fires.</summary>
    public async Task AdvertiseAsync(string status, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<HostRegistry>().AdvertiseAsync(Describe(status), stopping);
                await Task.Delay(options.Heartbeat, time, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (System.Data.Common.DbException)
            {
                // A busy database: the host's row is a little older until the next beat.
            }
        }
    }

    /// <summary>The first GPU's model name; null without the NVIDIA driver (GPUs named by Sandbox:Gpus on a test host).</summary>
    private static string? GpuModel()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("nvidia-smi", ["--query-gpu=name", "--format=csv,noheader"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode == 0 ? output.Result.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault(l => l.Length > 0) : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
