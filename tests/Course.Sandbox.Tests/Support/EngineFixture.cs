using Course.Sandbox.Engine;
using Course.Sandbox.GpuLeases;
using Course.Sandbox.Images;
using Course.Sandbox.Running;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Course.Sandbox.Tests.Support;

/// <summary>
/// The real Docker engine with the course-busybox image built (cached by recipe hash). Tests that
/// use it fail, never skip, when the engine is missing: CI must run them.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public const string Image = "course-busybox";

    internal SandboxOptions Options { get; } = new()
    {
        WorkRoot = Path.Combine(Path.GetTempPath(), $"course-sandbox-tests-{Environment.ProcessId}"),
    };

    internal IDockerClient Docker { get; private set; } = null!;

    internal DockerSandbox Sandbox { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Docker = new DockerClientConfiguration(Options.Engine).CreateClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Docker.System.PingAsync(timeout.Token);
        }
        catch (Exception failure)
        {
            throw new InvalidOperationException(
                $"The Docker engine at {Options.Engine} is not reachable: these tests need it (run scripts/prerequisites.sh). {failure.Message}",
                failure);
        }

        await new RecipeImages(Docker, Options, TimeProvider.System).EnsureAsync(Image);
        Sandbox = new DockerSandbox(Docker, Options, TimeProvider.System, new HostGpus(Options, Docker, TimeProvider.System));
    }

    public async Task DisposeAsync()
    {
        Docker.Dispose();

        // A just-removed container can still be releasing its bind-mounted /out folder; the work root
        // is a temp folder, so a cleanup that keeps failing is left to the OS rather than failing the run.
        for (var attempt = 0; attempt < 10 && Directory.Exists(Options.WorkRoot); attempt++)
        {
            try
            {
                Directory.Delete(Options.WorkRoot, recursive: true);
            }
            catch (IOException)
            {
                await Task.Delay(500);
            }
        }
    }

    /// <summary>A unique job id per test, so leftovers are attributable.</summary>
    public static string NewJobId(string test)
    {
        var id = $"t-{test}-{Guid.NewGuid():N}";
        return id.Length <= 64 ? id : id[..64];
    }

    /// <summary>A busybox shell script as the "submission".</summary>
    public static SandboxJob Script(string jobId, string script, SandboxLimits? limits = null) =>
        new(Image, ["sh", "-c", script]) { JobId = jobId, Limits = limits ?? Quick };

    /// <summary>Small limits so the suite stays fast on 2 cores.</summary>
    public static SandboxLimits Quick { get; } = new()
    {
        MemoryBytes = 64L << 20,
        Pids = 64,
        Timeout = TimeSpan.FromSeconds(10),
        TmpBytes = 16L << 20,
        Output = new OutputLimits { MaxFiles = 100, MaxFileBytes = 1L << 20, MaxTotalBytes = 4L << 20 },
    };

    /// <summary>Containers of any state still carrying the job's label.</summary>
    public async Task<int> ContainersLeftAsync(string jobId)
    {
        var left = await Docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Job}={jobId}"] = true },
            },
        });
        return left.Count;
    }
}
