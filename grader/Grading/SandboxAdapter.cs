using System.Collections.Concurrent;
using Course.Core.Errors;
using Course.Core.Output;
using Course.Sandbox.GpuLeases;
using Course.Sandbox.Images;
using Course.Sandbox.Running;

namespace Course.Grader.Grading;

/// <summary>
/// <see cref="IGradingSandbox"/> over the sandbox module: resolves the assignment's image recipe to
/// its tag (building it once per process if missing), maps course limits to sandbox limits, and turns
/// the sandbox's infrastructure failures into <see cref="InfrastructureException"/>.
/// </summary>
internal sealed class SandboxAdapter(ISandbox sandbox, ISandboxImages images, IHostGpus gpus) : IGradingSandbox
{
    private readonly ConcurrentDictionary<string, string> _tags = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Gpus => gpus.Devices;

    public string GpusSource => gpus.Source;

    public int FreeGpus() => gpus.CountFree();

    public async Task<GpuLease> LeaseGpusAsync(int count, string holder, CancellationToken cancellation)
    {
        try
        {
            return await gpus.AcquireAsync(count, holder, cancellation);
        }
        catch (SandboxUnavailableException failure)
        {
            throw new InfrastructureException(failure.Message, failure);
        }
    }

    public async Task<SandboxOutcome> RunAsync(SandboxRequest request, CancellationToken cancellation)
    {
        SandboxResult result;
        try
        {
            var job = new SandboxJob(await TagAsync(request.Image, cancellation), request.Command)
            {
                JobId = request.Label,
                Mounts = request.Mounts.Select(m => new Course.Sandbox.Running.SandboxMount(m.Source, m.Target, m.ReadOnly)).ToList(),
                Limits = CourseLimits.ForSandbox(request.Limits) with { GpuDeviceIds = request.GpuDevices },
                OutputFolder = request.OutputFolder,
                TimeUp = request.TimeUp,
            };
            result = await sandbox.RunAsync(job, cancellation);
        }
        catch (SandboxUnavailableException failure)
        {
            // The image may have been removed since it was resolved: look it up again next time.
            _tags.TryRemove(request.Image, out _);
            throw new InfrastructureException(failure.Message, failure);
        }
        catch (BadInputException failure)
        {
            // A job the sandbox refuses (limits beyond the host) is the course's set-up, not the student's doing.
            throw new InfrastructureException($"the sandbox refused the job: {failure.Message}", failure);
        }

        return new SandboxOutcome((int)Math.Clamp(result.ExitCode, int.MinValue, int.MaxValue), result.OomKilled, result.TimedOut,
            result.WallMs, result.StdoutTail, result.StderrTail,
            result.Outputs.Select(o => new SandboxOutputFile(o.Path, o.Bytes, o.Sha256)).ToList(),
            result.Rejected.Select(r => new SandboxRejectedFile(r.Path, r.Reason)).ToList(),
            result.PeakMemoryBytes, Json.Serialize(result), result.ProcessLimitHit, result.OutputLimitHit);
    }

    private async Task<string> TagAsync(string image, CancellationToken cancellation)
    {
        if (_tags.TryGetValue(image, out var tag))
        {
            return tag;
        }

        var build = await images.EnsureAsync(image, null, cancellation);
        return _tags[image] = build.Tag;
    }
}
