using Course.Assignments.Datasets;
using Course.Assignments.Feedback.Metrics;
using Course.Grader.Tests.Support;
using Course.Sandbox;
using Course.Sandbox.Images;
using Course.Sandbox.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Calibration;

/// <summary>
/// The TorchSharp reference's <c>--device</c> (published by scripts/build-reference.sh) in the course-torchsharp
/// image through the real sandbox, on a small synthetic data set. The machines that run these tests have no GPU:
/// auto trains on the CPU and says so in every metrics line, cuda refuses instead of falling back.
/// </summary>
public sealed class ReferenceDeviceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "course-reference-device", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    public ReferenceDeviceTests()
    {
        SyntheticFashion.Write(Path.Combine(_folder, "data"), trainCount: 600, testCount: 50, seed: 7);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Sandbox:WorkRoot"] = Path.Combine(_folder, "work") })
            .Build();
        _services = new ServiceCollection().AddSingleton(TimeProvider.System).AddSandbox(configuration).BuildServiceProvider();
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Reference_DeviceAutoWithoutAGpu_TrainsOnTheCpuAndLogsIt()
    {
        var (result, output) = await RunAsync("auto");

        Assert.True(result.ExitCode == 0, result.StderrTail);
        Assert.Contains("device: cpu (--device auto)", result.StdoutTail, StringComparison.Ordinal);
        var log = MetricsLogParser.Parse(Path.Combine(output, "metrics.jsonl"));
        Assert.Equal("cpu", log.Device);
        Assert.All(File.ReadAllLines(Path.Combine(output, "metrics.jsonl")), line => Assert.EndsWith(",\"device\":\"cpu\"}", line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("gpu", "--device: 'gpu' is not auto, cpu or cuda")]
    [InlineData("cuda", "--device cuda: no CUDA device (torch.cuda.is_available() is false)")]
    public async Task Reference_DeviceItCannotUse_ExitsTwoNamingTheOption(string device, string expected)
    {
        var (result, output) = await RunAsync(device);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.StderrTail, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "metrics.jsonl")));
    }

    private async Task<(SandboxResult Result, string Output)> RunAsync(string device)
    {
        var reference = Path.Combine(RepositoryRoot.Folder, "demo", "hw2", "reference");
        Assert.True(File.Exists(Path.Combine(reference, "bin", "reference")), "the reference is missing: run scripts/build-reference.sh");
        var image = await _services.GetRequiredService<ISandboxImages>().EnsureAsync("course-torchsharp");
        var output = Path.Combine(_folder, $"out-{device}");
        var job = new SandboxJob(image.Tag,
            ["/submission/bin/reference", "--device", device, "--epochs", "1", "--log-every", "1", "--validation", "0", "--data", "/data/fashion-mnist", "--out", "/out"])
        {
            JobId = $"t-reference-device-{Guid.NewGuid():N}"[..40],
            Mounts = [new SandboxMount(reference, "/submission"), new SandboxMount(Path.Combine(_folder, "data"), "/data/fashion-mnist")],
            Limits = new SandboxLimits { MemoryBytes = 1536L << 20, Timeout = TimeSpan.FromMinutes(2) },
            OutputFolder = output,
        };
        return (await _services.GetRequiredService<ISandbox>().RunAsync(job), output);
    }
}
