using System.Text.Json;
using Course.Core.Cli;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.Calibration;

/// <summary>
/// The demo course's hw2 yardstick: the TorchSharp LeNet (published by scripts/build-reference.sh)
/// trains in the course-torchsharp image through the sandbox, with hw2's own limits (1 CPU,
/// 1.5 GiB), and must reach the 85 % test accuracy the competition targets, in under half its time
/// limit, with no calibration flag, and says it trained on the CPU (its --device auto on a machine without a GPU).
/// scripts/test.sh builds the image and the reference first.
/// </summary>
public sealed class DemoReferenceTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "course-demo-reference", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Fact]
    public async Task Hw2Reference_ReachesTheTargetThroughTheSandbox()
    {
        var course = Path.Combine(RepositoryRoot.Folder, "course.json");
        var reference = Path.Combine(RepositoryRoot.Folder, "demo", "hw2", "reference", "bin", "reference");
        Assert.True(File.Exists(reference), $"{reference} is missing: run scripts/build-reference.sh");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Course"] = $"Data Source={Path.Combine(_output, "course.db")}" };
        var host = new CliHost(GraderCli.AddModules, settings) { Out = output, Error = error };

        // The calibration is kept in the course database, so the database comes first.
        Directory.CreateDirectory(_output);
        Assert.Equal(0, await GraderCli.RunAsync(["db", "migrate", "--course", course], new CliHost(GraderCli.AddModules, settings) { Out = output, Error = error }));
        output.GetStringBuilder().Clear();
        var exit = await GraderCli.RunAsync(["calibrate", "hw2", "--course", course, "--output", _output, "--json", "--strict"], host);

        Assert.True(exit == 0, $"exit {exit}: {error}\n{output}");
        using var report = JsonDocument.Parse(output.ToString());
        var run = report.RootElement.GetProperty("reference");
        Assert.InRange(run.GetProperty("score").GetDouble(), 0.85, 1.0);
        Assert.Equal("cpu", run.GetProperty("device").GetString());
        Assert.Equal(0, report.RootElement.GetProperty("flags").GetArrayLength());
        Assert.InRange(report.RootElement.GetProperty("baseline").GetProperty("score").GetDouble(), 0.0, 0.2);
    }
}
