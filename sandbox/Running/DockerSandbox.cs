using System.Net;
using Course.Sandbox.Engine;
using Course.Sandbox.GpuLeases;
using Course.Sandbox.Output;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Course.Sandbox.Running;

/// <summary>
/// <see cref="ISandbox"/> on the local Docker engine: create the hardened container, start it,
/// wait with a wall-clock limit (then SIGKILL) while following its memory peak, inspect, read the log
/// tails and copy /out from the stopped container, and always remove the container and its /out folder.
/// </summary>
internal sealed class DockerSandbox : ISandbox
{
    private readonly IDockerClient _docker;
    private readonly SandboxOptions _options;
    private readonly TimeProvider _time;
    private readonly SlotPool<int> _cores;
    private readonly IHostGpus _gpus;
    private readonly Lock _sweepLock = new();
    private Task? _sweep;

    public DockerSandbox(IDockerClient docker, SandboxOptions options, TimeProvider time, IHostGpus gpus)
    {
        _docker = docker;
        _options = options;
        _time = time;
        _cores = new SlotPool<int>(options.Cores);
        _gpus = gpus;
    }

    public async Task<SandboxResult> RunAsync(SandboxJob job, CancellationToken cancellation = default)
    {
        var jobId = JobValidator.Validate(job, _cores.Count);
        await SweepOnceAsync();
        using var cores = await _cores.AcquireAsync(Math.Clamp((int)Math.Ceiling(job.Limits.Cpus), 1, _cores.Count),
            cancellation);
        using var gpus = await AcquireGpusAsync(jobId, job.Limits, cancellation);
        var folder = CreateFolder(jobId, job.Limits.Output);
        try
        {
            var parameters = HardenedContainer.Build(job, jobId, OwnerToken.Current, cores.Slots, gpus.Devices, folder.Path,
                _options.GpuDevices);
            return await RunContainerAsync(parameters, job, folder, cancellation);
        }
        finally
        {
            if (!JobFolder.TryDelete(folder.Path))
            {
                await OpenForDeletionAsync(job, jobId, cores.Slots, folder.Path);
            }
        }
    }

    private async Task<SandboxResult> RunContainerAsync(CreateContainerParameters parameters, SandboxJob job, JobFolder folder,
        CancellationToken cancellation)
    {
        var created = await Call($"creating the container of job {parameters.Labels[ContainerLabels.Job]} from image '{job.Image}'",
            () => _docker.Containers.CreateContainerAsync(parameters, cancellation), cancellation);
        try
        {
            return await RunCreatedAsync(created.ID, job, folder, cancellation);
        }
        finally
        {
            await RemoveAsync(created.ID);
        }
    }

    private async Task<SandboxResult> RunCreatedAsync(string id, SandboxJob job, JobFolder folder, CancellationToken cancellation)
    {
        await Call("starting the container", () => _docker.Containers.StartContainerAsync(id,
            new ContainerStartParameters(), cancellation), cancellation);
        var started = _time.GetTimestamp();
        await using var stats = StatsWatch.Start(_docker, id, job.Limits.Pids, _time, cancellation);
        using var stopWatchingOutput = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var outputFull = OutputWatch.UntilFullAsync(folder, _time, stopWatchingOutput.Token);
        var end = await WaitOrKillAsync(id, job.Limits.Timeout, job.TimeUp, stats.ProcessLimitHeld, outputFull, cancellation);
        await stopWatchingOutput.CancelAsync();
        var wallMs = (long)_time.GetElapsedTime(started).TotalMilliseconds;
        // A job that filled /out and then ended by itself went past its output limits all the same.
        var outputLimitHit = end == RunEnd.OutputLimit || folder.IsFull();
        var peakMemory = await stats.StopAsync();

        var inspect = Call("inspecting the stopped container",
            () => _docker.Containers.InspectContainerAsync(id, cancellation), cancellation);
        var logs = ReadLogsAsync(id, cancellation);
        var outputs = CollectAsync(id, job, cancellation);
        await Task.WhenAll(inspect, logs, outputs);

        var state = (await inspect).State;
        var tail = await logs;
        var collector = await outputs;
        return new SandboxResult(state.ExitCode, state.OOMKilled, end == RunEnd.TimeLimit, wallMs, tail.Stdout, tail.Stderr,
            collector.Outputs, collector.Rejected, peakMemory, end == RunEnd.ProcessLimit, outputLimitHit);
    }

    private enum RunEnd
    {
        Exited,
        TimeLimit,
        ProcessLimit,
        OutputLimit,
    }

    /// <summary>
    /// Waits for the container to stop; at the time limit, once it has kept its process limit full, or once it
    /// has filled /out, kills it (SIGKILL cannot be ignored) and says which.
    /// </summary>
    private async Task<RunEnd> WaitOrKillAsync(string id, TimeSpan timeout, CancellationToken timeUp, Task processLimitHeld, Task outputFull,
        CancellationToken cancellation)
    {
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var wait = Call("waiting for the container", () => _docker.Containers.WaitContainerAsync(id, cancellation),
            cancellation);
        var limit = TimeLimitAsync(timeout, timeUp, stopWaiting.Token);
        var first = await Task.WhenAny(wait, limit, processLimitHeld, outputFull);
        if (first == wait)
        {
            await stopWaiting.CancelAsync();
            await wait;
            return RunEnd.Exited;
        }

        await stopWaiting.CancelAsync();
        cancellation.ThrowIfCancellationRequested();
        var end = first == limit ? RunEnd.TimeLimit : first == processLimitHeld ? RunEnd.ProcessLimit : RunEnd.OutputLimit;
        try
        {
            await Call(end switch
                {
                    RunEnd.TimeLimit => "killing the container at its time limit",
                    RunEnd.ProcessLimit => "killing the container that kept its process limit full",
                    _ => "killing the container that filled /out",
                },
                () => _docker.Containers.KillContainerAsync(id, new ContainerKillParameters { Signal = "SIGKILL" }, cancellation), cancellation);
        }
        catch (SandboxUnavailableException failure) when (wait.IsCompleted
            || failure.InnerException is DockerApiException { StatusCode: HttpStatusCode.Conflict })
        {
            // It stopped on its own between the limit and the kill: nothing to kill.
        }

        await wait;
        return end;
    }

    /// <summary>Completes at the time limit or when <paramref name="timeUp"/> fires, whichever is first; cancelled by <paramref name="stop"/>.</summary>
    private async Task TimeLimitAsync(TimeSpan timeout, CancellationToken timeUp, CancellationToken stop)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, timeUp);
        try
        {
            await Task.Delay(timeout, _time, either.Token);
        }
        catch (OperationCanceledException) when (timeUp.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            // The outer limit fell first: the same end as the run's own limit.
        }
    }

    private async Task<LogTail> ReadLogsAsync(string id, CancellationToken cancellation)
    {
        var tail = new LogTail(_options.LogTailBytes);
        await Call("reading the container's logs", async () =>
        {
            using var stream = await _docker.Containers.GetContainerLogsAsync(id, tty: false,
                new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Follow = false }, cancellation);
            await tail.ReadAsync(stream, cancellation);
        }, cancellation);
        return tail;
    }

    private async Task<OutputCollector> CollectAsync(string id, SandboxJob job, CancellationToken cancellation)
    {
        var collector = new OutputCollector(job.Limits.Output, job.OutputFolder);
        await Call("copying /out from the stopped container", async () =>
        {
            var archive = await _docker.Containers.GetArchiveFromContainerAsync(id,
                new GetArchiveFromContainerParameters { Path = HardenedContainer.OutPath }, statOnly: false, cancellation);
            await using var stream = new ArchiveStream(archive.Stream);
            await collector.CollectAsync(stream, cancellation);
        }, cancellation);
        return collector;
    }

    /// <summary>The first run of a process sweeps leftovers; a failed sweep (engine down) is tried again next run.</summary>
    private Task SweepOnceAsync()
    {
        lock (_sweepLock)
        {
            if (_sweep is null || _sweep.IsFaulted || _sweep.IsCanceled)
            {
                _sweep = new Sweeper(_docker, _options).SweepAsync(CancellationToken.None);
            }

            return _sweep;
        }
    }

    /// <summary>
    /// Host-wide GPU leases (other grader processes of the host take them too); pinned devices are held by
    /// the caller, as the grader's worker does for a whole grading run.
    /// </summary>
    private Task<GpuLease> AcquireGpusAsync(string jobId, SandboxLimits limits, CancellationToken cancellation) =>
        limits.GpuDeviceIds.Count > 0
            ? Task.FromResult(new GpuLease(limits.GpuDeviceIds, () => { }))
            : _gpus.AcquireAsync(limits.Gpus, jobId, cancellation);

    /// <summary>
    /// Makes what the job left in /out deletable when this process could not delete it (not root, and the job
    /// made folders without write permission): a container of the same image, as the same user that owns
    /// those folders, opens them to everyone; then this process deletes the folder.
    /// </summary>
    private async Task OpenForDeletionAsync(SandboxJob job, string jobId, IReadOnlyList<int> cores, string folder)
    {
        // One chmod per folder, each before find reads it: a folder without permissions cannot be listed first.
        var opener = new SandboxJob(job.Image, ["find", HardenedContainer.OutPath, "-mindepth", "1", "-type", "d", "-exec", "chmod", "777", "{}", ";"])
        {
            Limits = new SandboxLimits { Timeout = TimeSpan.FromMinutes(1) },
        };
        try
        {
            var parameters = HardenedContainer.Build(opener, $"{jobId}-cleanup", OwnerToken.Current, cores, [], folder);
            var created = await _docker.Containers.CreateContainerAsync(parameters, CancellationToken.None);
            try
            {
                await _docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), CancellationToken.None);
                using var limit = new CancellationTokenSource(opener.Limits.Timeout, _time);
                await _docker.Containers.WaitContainerAsync(created.ID, limit.Token);
            }
            finally
            {
                await RemoveAsync(created.ID);
            }
        }
        catch (Exception failure) when (failure is DockerApiException or HttpRequestException or IOException or OperationCanceledException)
        {
            // Left for the sweeper of the next start; the result of the run stands.
        }

        JobFolder.TryDelete(folder);
    }

    private JobFolder CreateFolder(string jobId, OutputLimits limits)
    {
        try
        {
            return JobFolder.Create(_options.WorkRoot, OwnerToken.Current.Local, jobId, limits);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new SandboxUnavailableException(
                $"cannot create the /out folder under '{_options.WorkRoot}': {failure.Message}", failure);
        }
    }

    /// <summary>Removes the container whatever happened before (cancellation included).</summary>
    private async Task RemoveAsync(string id)
    {
        try
        {
            await _docker.Containers.RemoveContainerAsync(id,
                new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None);
        }
        catch (DockerContainerNotFoundException)
        {
        }
        catch (Exception failure) when (failure is DockerApiException or HttpRequestException or IOException)
        {
            // Left for the sweeper of the next start; the result of the run stands.
        }
    }

    private Task<T> Call<T>(string what, Func<Task<T>> call, CancellationToken cancellation) =>
        EngineCall.RunAsync(_options.Engine, what, call, cancellation);

    private Task Call(string what, Func<Task> call, CancellationToken cancellation) =>
        EngineCall.RunAsync(_options.Engine, what, call, cancellation);
}
