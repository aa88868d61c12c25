using Course.Assignments.Model;
using Course.Core.Output;
using Course.Grader.Calibration;
using Course.Sandbox;
using Course.Sandbox.Images;
using Course.Sandbox.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Calibration;

/// <summary>
/// A competition assignment in its own temporary folder, run through the real sandbox on the busybox
/// image: a ten-row solution, and "reference" and "baseline" shell scripts standing in for programs.
/// </summary>
internal sealed class CalibrationFixture : IDisposable
{
    // Labels 0..9 of the hidden solution: seven 1s, so "always 1" is a strong majority baseline.
    public static readonly int[] Labels = [1, 1, 1, 2, 1, 3, 1, 1, 4, 1];

    private readonly ServiceProvider services;

    public CalibrationFixture()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "solution.csv"), "id,label\n" + string.Concat(Labels.Select((label, id) => $"{id},{label}\n")));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Sandbox:WorkRoot"] = Path.Combine(Folder, "work") })
            .Build();
        services = new ServiceCollection().AddSingleton(TimeProvider.System).AddSandbox(configuration).BuildServiceProvider();
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "course-calibration-tests", Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Writes {name}/run.sh that sleeps (holding <paramref name="holdMiB"/> MiB meanwhile), then predicts
    /// <paramref name="predictions"/> for ids 0..9, and writes <paramref name="metrics"/> (lines) to /out/metrics.jsonl when given.
    /// </summary>
    public void Program(string name, int[] predictions, double sleepSeconds = 0, int holdMiB = 0, string[]? metrics = null)
    {
        var folder = Path.Combine(Folder, name);
        Directory.CreateDirectory(folder);
        var rows = string.Concat(predictions.Select((label, id) => $"{id},{label}\\n"));
        // dd fills its buffer, then blocks on a pipe nobody reads until the sleep ends.
        var sleep = holdMiB > 0 ? $"dd if=/dev/zero bs={holdMiB}M count=1 2>/dev/null | sleep {sleepSeconds}" : $"sleep {sleepSeconds}";
        var log = metrics is null ? "" : $"printf '%s\\n' {string.Join(' ', metrics.Select(l => $"'{l}'"))} > /out/metrics.jsonl\n";
        File.WriteAllText(Path.Combine(folder, "run.sh"), $"{sleep}\nprintf 'id,label\\n{rows}' > /out/predictions.csv\n{log}");
    }

    public static AssignmentSpec Competition(string timeout, double? target) => new()
    {
        Id = "hw9",
        Kind = AssignmentKind.Competition,
        Weight = 20,
        Image = "course-busybox",
        Command = ["sh", "/submission/run.sh"],
        Limits = new LimitsSpec { Timeout = timeout, Memory = "64m", Pids = 32 },
        Reference = "reference",
        Baseline = "baseline",
        Competition = new CompetitionSpec { Solution = "solution.csv", Target = target },
    };

    public Task<CalibrationReport> CalibrateAsync(AssignmentSpec assignment) =>
        new Calibrator(services.GetRequiredService<ISandbox>(), services.GetRequiredService<ISandboxImages>())
            .RunAsync(assignment, [], relative => Path.Combine(Folder, relative), Path.Combine(Folder, "calibration"),
                new Progress<ProgressStep>(), CancellationToken.None);

    public void Dispose()
    {
        services.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
