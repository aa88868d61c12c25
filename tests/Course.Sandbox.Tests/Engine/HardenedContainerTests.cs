using Course.Sandbox.Engine;
using Course.Sandbox.Running;

namespace Course.Sandbox.Tests.Engine;

public sealed class HardenedContainerTests
{
    private static readonly OwnerToken Owner = new("host", 42, 7);

    private static SandboxJob CreateJob(SandboxLimits? limits = null) =>
        new("course-python", ["python3", "/submission/train.py"])
        {
            JobId = "job-1",
            Limits = limits ?? new SandboxLimits
            {
                Cpus = 1.5, MemoryBytes = 512L << 20, Pids = 128, TmpBytes = 64L << 20,
                Output = new OutputLimits { MaxFileBytes = 10L << 20 },
            },
            Mounts = [new SandboxMount("/host/sub", "/submission"), new SandboxMount("/host/scratch", "/scratch", ReadOnly: false)],
            Environment = new Dictionary<string, string> { ["SEED"] = "1" },
        };

    [Fact]
    public void Build_AnyJob_HardensHostConfigPerSecurityRules()
    {
        var host = HardenedContainer.Build(CreateJob(), "job-1", Owner, [0, 1], [], "/srv/jobs/out-1").HostConfig;

        Assert.Equal("none", host.NetworkMode);
        Assert.True(host.ReadonlyRootfs);
        Assert.Equal(["ALL"], host.CapDrop);
        Assert.Null(host.CapAdd);
        Assert.Contains("no-new-privileges:true", host.SecurityOpt);
        Assert.False(host.Privileged);
        Assert.True(host.Init);
        Assert.Equal("private", host.IpcMode);
        Assert.Equal(128, host.PidsLimit);
        Assert.Equal(512L << 20, host.Memory);
        Assert.Equal(host.Memory, host.MemorySwap);
        Assert.Equal(1_500_000_000, host.NanoCPUs);
        Assert.Equal("0,1", host.CpusetCpus);
        Assert.Equal("rw,nosuid,nodev,noexec,size=67108864,mode=1777", host.Tmpfs["/tmp"]);
        Assert.Equal("json-file", host.LogConfig.Type);
        Assert.Equal("1m", host.LogConfig.Config["max-size"]);
        Assert.False(host.AutoRemove);
        Assert.Empty(host.DeviceRequests);
        Assert.Null(host.Binds);
        Assert.Null(host.Devices);
    }

    [Fact]
    public void Build_AnyJob_SetsUlimitsForFilesSizesAndCores()
    {
        var ulimits = HardenedContainer.Build(CreateJob(), "job-1", Owner, [0], [], "/o").HostConfig.Ulimits
            .ToDictionary(u => u.Name);

        Assert.Equal((1024L, 1024L), (ulimits["nofile"].Soft, ulimits["nofile"].Hard));
        Assert.Equal((10L << 20, 10L << 20), (ulimits["fsize"].Soft, ulimits["fsize"].Hard));
        Assert.Equal((0L, 0L), (ulimits["core"].Soft, ulimits["core"].Hard));
    }

    [Fact]
    public void Build_AnyJob_RunsAsNobodyWithLabelsAndOnlyTheJobsEnvironment()
    {
        var parameters = HardenedContainer.Build(CreateJob(), "job-1", Owner, [0], [], "/o");

        Assert.Equal("65534:65534", parameters.User);
        Assert.True(parameters.NetworkDisabled);
        Assert.Equal(["SEED=1"], parameters.Env);
        Assert.Equal(["python3", "/submission/train.py"], parameters.Cmd);
        Assert.Equal("1", parameters.Labels["course.sandbox"]);
        Assert.Equal("job-1", parameters.Labels["course.job"]);
        Assert.Equal("host/42.7", parameters.Labels["course.owner"]);
    }

    [Fact]
    public void Build_Mounts_ReadOnlyByDefaultAndOutWritable()
    {
        var mounts = HardenedContainer.Build(CreateJob(), "job-1", Owner, [0], [], "/srv/jobs/out-1").HostConfig.Mounts
            .ToDictionary(m => m.Target);

        Assert.Equal(("bind", "/host/sub", true), (mounts["/submission"].Type, mounts["/submission"].Source, mounts["/submission"].ReadOnly));
        Assert.False(mounts["/scratch"].ReadOnly);
        Assert.Equal(("/srv/jobs/out-1", false), (mounts["/out"].Source, mounts["/out"].ReadOnly));
        Assert.All(mounts.Values, m => Assert.Equal("rprivate", m.BindOptions.Propagation));
    }

    [Fact]
    public void Build_TmpExecAllowed_MountsTmpWithExec()
    {
        var job = CreateJob(new SandboxLimits { TmpExec = true });

        Assert.Contains(",exec,", HardenedContainer.Build(job, "j", Owner, [0], [], "/o").HostConfig.Tmpfs["/tmp"]);
    }

    [Fact]
    public void Build_NoLeasedGpus_NeitherDeviceRequestNorGpuVariables()
    {
        var container = HardenedContainer.Build(CreateJob(new SandboxLimits { Gpus = 2 }), "j", Owner, [0], [], "/o", GpuHandOver.Fake);

        Assert.Empty(container.HostConfig.DeviceRequests);
        Assert.DoesNotContain(container.Env, variable => variable.Contains("VISIBLE_DEVICES", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_FakeGpuHandOver_NamesLeasedGpusInEnvironmentWithoutDevices()
    {
        var job = CreateJob(new SandboxLimits { Gpus = 2 });

        var container = HardenedContainer.Build(job, "j", Owner, [0], ["GPU-aaaa", "GPU-bbbb"], "/o", GpuHandOver.Fake);

        Assert.Empty(container.HostConfig.DeviceRequests);
        Assert.Equal(["SEED=1", "CUDA_VISIBLE_DEVICES=GPU-aaaa,GPU-bbbb", "NVIDIA_VISIBLE_DEVICES=GPU-aaaa,GPU-bbbb"], container.Env);
    }

    [Fact]
    public void Build_LeasedGpus_AsksForThoseDeviceIds()
    {
        var job = CreateJob(new SandboxLimits { Gpus = 1 });

        var request = Assert.Single(HardenedContainer.Build(job, "j", Owner, [0], ["GPU-aaaa"], "/o").HostConfig.DeviceRequests);

        Assert.Equal(["GPU-aaaa"], request.DeviceIDs);
        Assert.Equal(0L, request.Count);
        Assert.Equal(["gpu"], Assert.Single(request.Capabilities));
    }
}
