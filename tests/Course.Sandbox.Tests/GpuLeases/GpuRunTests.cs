using Course.Sandbox.Engine;
using Course.Sandbox.GpuLeases;
using Course.Sandbox.Running;
using Course.Sandbox.Tests.Support;
using Docker.DotNet.Models;

namespace Course.Sandbox.Tests.GpuLeases;

/// <summary>GPU leases with the real engine: the fake hand-over, and the containers of a holder that died.</summary>
[Collection(EngineCollection.Name)]
public sealed class GpuRunTests(EngineFixture engine) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "course-gpu-lease-tests", Guid.NewGuid().ToString("N"));

    private SandboxOptions Options => engine.Options with { Gpus = ["GPU-test-0"], GpuDevices = GpuHandOver.Fake, LeaseRoot = _root };

    [Fact]
    public async Task RunAsync_GpuJobWithFakeHandOver_ContainerNamesItsLeasedGpu()
    {
        var gpus = new HostGpus(Options, engine.Docker, TimeProvider.System);
        var sut = new DockerSandbox(engine.Docker, Options, TimeProvider.System, gpus);
        var job = EngineFixture.Script(EngineFixture.NewJobId("gpu"), "echo \"$CUDA_VISIBLE_DEVICES $NVIDIA_VISIBLE_DEVICES\"",
            EngineFixture.Quick with { Gpus = 1 });

        var result = await sut.RunAsync(job);

        Assert.Equal("GPU-test-0 GPU-test-0\n", result.StdoutTail);
        Assert.Equal(1, gpus.CountFree());
    }

    [Fact]
    public async Task AcquireAsync_LastHolderDiedHoldingTheGpu_ItsContainerIsRemovedFirst()
    {
        var dead = new OwnerToken(OwnerToken.Current.Machine, int.MaxValue - 2, 1);
        var orphan = EngineFixture.NewJobId("orphan");
        await engine.Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = EngineFixture.Image,
            Cmd = ["sleep", "300"],
            Labels = new Dictionary<string, string>
            {
                [ContainerLabels.Sandbox] = "1", [ContainerLabels.Job] = orphan, [ContainerLabels.Owner] = dead.Value,
            },
        });
        var gpus = new HostGpus(Options, engine.Docker, TimeProvider.System);
        Assert.Equal(1, gpus.CountFree());
        await File.WriteAllTextAsync(Path.Combine(_root, GpuLockFile.FileName("GPU-test-0")), $"{dead.Value} {orphan}\n");

        using (var lease = await gpus.AcquireAsync(1, "next", CancellationToken.None))
        {
            Assert.Equal(0, await engine.ContainersLeftAsync(orphan));
        }

        Assert.Equal("", await File.ReadAllTextAsync(Path.Combine(_root, GpuLockFile.FileName("GPU-test-0"))));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
