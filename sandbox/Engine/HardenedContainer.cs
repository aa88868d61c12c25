using System.Globalization;
using Course.Sandbox.Running;
using Docker.DotNet.Models;

namespace Course.Sandbox.Engine;

/// <summary>
/// Builds the hardened container of docs/SECURITY.md rules 1-3 for a job. Pure, so the whole
/// HostConfig is unit-tested without an engine.
/// </summary>
internal static class HardenedContainer
{
    /// <summary>Inside the container: nobody/nogroup, never root.</summary>
    public const string UserId = "65534";

    public const string User = UserId + ":" + UserId;

    public const string OutPath = "/out";

    private const long NanoPerCpu = 1_000_000_000;

    /// <param name="cores">Host cores leased to this job (cpuset); empty for no pinning.</param>
    /// <param name="gpus">GPU UUIDs leased to this job; empty for none.</param>
    /// <param name="outFolder">Host folder bind-mounted writable at /out.</param>
    /// <param name="handOver">How <paramref name="gpus"/> reach the container.</param>
    public static CreateContainerParameters Build(SandboxJob job, string jobId, OwnerToken owner,
        IReadOnlyList<int> cores, IReadOnlyList<string> gpus, string outFolder, GpuHandOver handOver = GpuHandOver.Nvidia)
    {
        var fakeGpus = handOver == GpuHandOver.Fake && gpus.Count > 0;
        return new CreateContainerParameters
        {
            Image = job.Image,
            Cmd = job.Command.ToList(),
            Env =
            [
                .. job.Environment.Select(pair => $"{pair.Key}={pair.Value}"),
                .. fakeGpus ? FakeGpuVariables(gpus) : [],
            ],
            User = User,
            WorkingDir = job.WorkingDirectory ?? "",
            Hostname = "sandbox",
            NetworkDisabled = true,
            AttachStdin = false,
            AttachStdout = false,
            AttachStderr = false,
            OpenStdin = false,
            Tty = false,
            Labels = new Dictionary<string, string>
            {
                [ContainerLabels.Sandbox] = "1",
                [ContainerLabels.Job] = jobId,
                [ContainerLabels.Owner] = owner.Value,
            },
            HostConfig = HostConfig(job, cores, fakeGpus ? [] : gpus, outFolder),
        };
    }

    /// <summary>What a container of the NVIDIA toolkit would see, without the devices (tests only).</summary>
    private static string[] FakeGpuVariables(IReadOnlyList<string> gpus) =>
        [$"CUDA_VISIBLE_DEVICES={string.Join(',', gpus)}", $"NVIDIA_VISIBLE_DEVICES={string.Join(',', gpus)}"];

    private static HostConfig HostConfig(SandboxJob job, IReadOnlyList<int> cores, IReadOnlyList<string> gpus,
        string outFolder)
    {
        var limits = job.Limits;
        var tmpOptions = $"rw,nosuid,nodev,{(limits.TmpExec ? "exec" : "noexec")},size={limits.TmpBytes},mode=1777";
        return new HostConfig
        {
            NetworkMode = "none",
            ReadonlyRootfs = true,
            CapDrop = ["ALL"],
            SecurityOpt = ["no-new-privileges:true"],
            Privileged = false,
            // An init reaps zombies and forwards signals; when the main process exits the
            // container stops and the kernel kills every process left (daemons included).
            Init = true,
            IpcMode = "private",
            PidsLimit = limits.Pids,
            Memory = limits.MemoryBytes,
            // Equal to Memory: no swap, so the OOM killer fires instead of the host thrashing.
            MemorySwap = limits.MemoryBytes,
            MemorySwappiness = 0,
            NanoCPUs = checked((long)Math.Round(limits.Cpus * NanoPerCpu)),
            CpusetCpus = string.Join(',', cores.Select(core => core.ToString(CultureInfo.InvariantCulture))),
            // Student processes are the first the host's OOM killer picks, never the grader.
            OomScoreAdj = 500,
            Ulimits =
            [
                new Ulimit { Name = "nofile", Soft = limits.OpenFiles, Hard = limits.OpenFiles },
                new Ulimit { Name = "fsize", Soft = limits.Output.MaxFileBytes, Hard = limits.Output.MaxFileBytes },
                new Ulimit { Name = "core", Soft = 0, Hard = 0 },
            ],
            Tmpfs = new Dictionary<string, string> { ["/tmp"] = tmpOptions },
            // /out is a fresh host folder (see OutputFolder for why not a tmpfs); everything
            // else the caller mounts is read-only unless it says otherwise.
            Mounts =
            [
                .. job.Mounts.Select(mount => new Mount
                {
                    Type = "bind", Source = mount.Source, Target = mount.Target, ReadOnly = mount.ReadOnly,
                    BindOptions = new BindOptions { Propagation = "rprivate" },
                }),
                new Mount
                {
                    Type = "bind", Source = outFolder, Target = OutPath, ReadOnly = false,
                    BindOptions = new BindOptions { Propagation = "rprivate" },
                },
            ],
            LogConfig = new LogConfig
            {
                Type = "json-file",
                Config = new Dictionary<string, string> { ["max-size"] = "1m", ["max-file"] = "2" },
            },
            DeviceRequests = gpus.Count > 0
                ? [new DeviceRequest { Driver = "nvidia", DeviceIDs = gpus.ToList(), Capabilities = [["gpu"]] }]
                : [],
            AutoRemove = false,
            RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No },
        };
    }
}
