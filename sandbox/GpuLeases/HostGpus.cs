using Course.Core.Errors;
using Course.Core.Retries;
using Course.Sandbox.Engine;
using Course.Sandbox.Running;
using Docker.DotNet;

namespace Course.Sandbox.GpuLeases;

/// <summary>
/// <see cref="IHostGpus"/> with one lock file per GPU in <c>Sandbox:LeaseRoot</c>, held with flock(2) for
/// the life of a job (<see cref="GpuLockFile"/>). A job that needs n GPUs takes n free ones at once or
/// none (holding some while waiting for the rest could deadlock two jobs), and otherwise tries again with
/// backoff. Processes do not queue in order: a job that needs many GPUs may wait behind jobs that need few.
/// </summary>
internal sealed class HostGpus(SandboxOptions options, IDockerClient docker, TimeProvider time) : IHostGpus
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(1);

    private readonly Lazy<IReadOnlyList<string>> _devices = new(() => options.Gpus ?? GpuDiscovery.Find());

    // Not cached on failure: a folder that could not be made is tried again by the next job.
    private readonly Lazy<string> _folder = new(() => LeaseFolder.Prepare(options.LeaseRoot),
        LazyThreadSafetyMode.PublicationOnly);

    public IReadOnlyList<string> Devices => _devices.Value;

    public string Source => options.Gpus is null ? "found by nvidia-smi" : "Sandbox:Gpus";

    public int CountFree()
    {
        var free = 0;
        foreach (var device in Devices)
        {
            using var probe = Take(device);
            free += probe is null ? 0 : 1;
        }

        return free;
    }

    public async Task<GpuLease> AcquireAsync(int count, string holder, CancellationToken cancellation)
    {
        if (count == 0)
        {
            return GpuLease.None;
        }

        if (count < 0 || count > Devices.Count)
        {
            throw new BadInputException($"gpus: {count} asked, this host has {Devices.Count} ({Source})");
        }

        for (var failures = 1; ; failures++)
        {
            if (TryTakeAll(count) is { } taken)
            {
                return await HoldAsync(taken, holder, cancellation);
            }

            await Task.Delay(RetryBackoff.Doubling(FirstRetry, LastRetry, failures), time, cancellation);
        }
    }

    private List<GpuLockFile>? TryTakeAll(int count)
    {
        var taken = new List<GpuLockFile>();
        try
        {
            foreach (var device in Devices)
            {
                if (Take(device) is { } file)
                {
                    taken.Add(file);
                    if (taken.Count == count)
                    {
                        return taken;
                    }
                }
            }
        }
        catch
        {
            Release(taken);
            throw;
        }

        Release(taken);
        return null;
    }

    /// <summary>
    /// Before a GPU whose last holder died is handed out again, that holder's containers are removed: the
    /// kernel freed its lock, but its job may still be running on the GPU.
    /// </summary>
    private async Task<GpuLease> HoldAsync(List<GpuLockFile> taken, string holder, CancellationToken cancellation)
    {
        try
        {
            if (taken.Any(file => file.AbandonedBy is not null))
            {
                await new Sweeper(docker, options).SweepAsync(cancellation);
            }

            foreach (var file in taken)
            {
                file.Record($"{OwnerToken.Current.Value} {holder}");
            }
        }
        catch (IOException failure)
        {
            Release(taken);
            throw Unavailable(failure);
        }
        catch
        {
            Release(taken);
            throw;
        }

        return new GpuLease(taken.Select(file => file.Device).ToArray(), () => Release(taken));
    }

    private GpuLockFile? Take(string device)
    {
        try
        {
            return GpuLockFile.TryTake(_folder.Value, device);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(failure);
        }
    }

    private SandboxUnavailableException Unavailable(Exception failure) =>
        new($"GPU leases in '{options.LeaseRoot}' (Sandbox:LeaseRoot): {failure.Message}", failure);

    private static void Release(IEnumerable<GpuLockFile> files)
    {
        foreach (var file in files)
        {
            file.Dispose();
        }
    }
}
