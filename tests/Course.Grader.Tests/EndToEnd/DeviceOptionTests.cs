using Course.Assignments.Datasets;
using Course.Assignments.Feedback.Metrics;
using Course.Grader.Tests.Support;
using Course.Sandbox;
using Course.Sandbox.Images;
using Course.Sandbox.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.EndToEnd;

/// <summary>
/// hw2's <c>--device auto|cpu|cuda</c> in the programs that train: the TorchSharp reference (published by
/// scripts/build-reference.sh) and the C# starter in course-torchsharp, the Python starter in course-python,
/// each through the real sandbox on a small synthetic data set. The machines that run these tests have no
/// GPU: auto trains on the CPU and says so in every metrics line, cuda refuses instead of falling back, and
/// any other value exits 2 naming the option.
/// </summary>
public sealed class DeviceOptionTests : IDisposable
{
    private const string BadDevice = "--device: 'gpu' is not auto, cpu or cuda";
    private const string NoCuda = "--device cuda: no CUDA device (torch.cuda.is_available() is false)";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "course-device-option", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    public DeviceOptionTests()
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
        var (result, output) = await RunReferenceAsync("auto");

        Assert.True(result.ExitCode == 0, result.StderrTail);
        Assert.Contains("device: cpu (--device auto)", result.StdoutTail, StringComparison.Ordinal);
        AssertLoggedOnTheCpu(output, ",\"device\":\"cpu\"}");
    }

    [Theory]
    [InlineData("gpu", BadDevice)]
    [InlineData("cuda", NoCuda)]
    public async Task Reference_DeviceItCannotUse_ExitsTwoNamingTheOption(string device, string expected)
    {
        var (result, output) = await RunReferenceAsync(device);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.StderrTail, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "metrics.jsonl")));
    }

    [Fact]
    public async Task PythonStarter_DeviceOption_RefusesWhatItCannotUseAndLogsTheCpu()
    {
        // One container: the refusals first, then a one-epoch run with the default (auto).
        var (result, output) = await RunAsync("course-python", Path.Combine(RepositoryRoot.Folder, "demo", "hw2", "starter", "python"),
            "python3 /submission/train.py --device gpu; echo \"gpu exit $?\"; python3 /submission/train.py --device cuda; echo \"cuda exit $?\"; " +
            "exec sh /submission/run.sh 1");

        Assert.True(result.ExitCode == 0, result.StderrTail);
        Assert.Contains("gpu exit 2", result.StdoutTail, StringComparison.Ordinal);
        Assert.Contains("cuda exit 2", result.StdoutTail, StringComparison.Ordinal);
        Assert.Contains("argument --device: invalid choice: 'gpu'", result.StderrTail, StringComparison.Ordinal);
        Assert.Contains(NoCuda, result.StderrTail, StringComparison.Ordinal);
        AssertLoggedOnTheCpu(output, ", \"device\": \"cpu\"}");
    }

    [Fact]
    public async Task CSharpStarter_DeviceOption_RefusesWhatItCannotUseAndLogsTheCpu()
    {
        // As the grader builds it: offline in the sandbox on course-dotnet, with the course's package folder.
        var packages = Path.Combine(RepositoryRoot.Folder, "packages");
        Assert.True(Directory.Exists(packages), "the course's package folder is missing: run scripts/packages.sh");
        var (result, output) = await RunAsync("course-dotnet", Path.Combine(RepositoryRoot.Folder, "demo", "hw2", "starter", "csharp"),
            "course-dotnet-run true || exit 1; sh /submission/run.sh --device gpu; echo \"gpu exit $?\"; " +
            "dotnet /tmp/build/starter.dll --device cuda; echo \"cuda exit $?\"; exec dotnet /tmp/build/starter.dll",
            [new SandboxMount(packages, "/nuget")]);

        Assert.True(result.ExitCode == 0, result.StdoutTail + result.StderrTail);
        Assert.Contains("gpu exit 2", result.StdoutTail, StringComparison.Ordinal);
        Assert.Contains("cuda exit 2", result.StdoutTail, StringComparison.Ordinal);
        Assert.Contains(BadDevice, result.StderrTail, StringComparison.Ordinal);
        Assert.Contains(NoCuda, result.StderrTail, StringComparison.Ordinal);
        AssertLoggedOnTheCpu(output, ",\"device\":\"cpu\"}");
    }

    private static void AssertLoggedOnTheCpu(string output, string lineEnd)
    {
        var metrics = Path.Combine(output, "metrics.jsonl");
        Assert.Equal("cpu", MetricsLogParser.Parse(metrics).Device);
        Assert.All(File.ReadAllLines(metrics), line => Assert.EndsWith(lineEnd, line, StringComparison.Ordinal));
    }

    private Task<(SandboxResult Result, string Output)> RunReferenceAsync(string device)
    {
        var reference = Path.Combine(RepositoryRoot.Folder, "demo", "hw2", "reference");
        Assert.True(File.Exists(Path.Combine(reference, "bin", "reference")), "the reference is missing: run scripts/build-reference.sh");
        return RunAsync("course-torchsharp", reference,
            $"exec /submission/bin/reference --device {device} --epochs 1 --log-every 1 --validation 0 --data /data/fashion-mnist --out /out");
    }

    private async Task<(SandboxResult Result, string Output)> RunAsync(string image, string submission, string script,
        IReadOnlyList<SandboxMount>? mounts = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var built = await _services.GetRequiredService<ISandboxImages>().EnsureAsync(image);
        var output = Path.Combine(_folder, $"out-{Guid.NewGuid():N}");
        var job = new SandboxJob(built.Tag, ["sh", "-c", script])
        {
            JobId = $"t-device-option-{Guid.NewGuid():N}"[..40],
            Mounts = [new SandboxMount(submission, "/submission"), new SandboxMount(Path.Combine(_folder, "data"), "/data/fashion-mnist"), .. mounts ?? []],
            Environment = environment ?? new Dictionary<string, string>(),
            Limits = new SandboxLimits { MemoryBytes = 1536L << 20, Timeout = TimeSpan.FromMinutes(3), TmpBytes = 512L << 20, TmpExec = true },
            OutputFolder = output,
        };
        return (await _services.GetRequiredService<ISandbox>().RunAsync(job), output);
    }
}
