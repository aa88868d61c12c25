using Course.Core.Cli;

namespace Course.Grader.Tests.Calibration;

/// <summary>
/// <c>grader calibrate</c> end to end on a course of its own (a competition on the busybox image, through the
/// real sandbox): what it prints about each run.
/// </summary>
public sealed class CalibrateCommandTests
{
    [Fact]
    public async Task Calibrate_ReferenceLogsItsDevice_OutputSaysWhichDeviceTrained()
    {
        using var fixture = new CalibrationFixture();
        fixture.Program("reference", CalibrationFixture.Labels, metrics: ["{\"step\":1,\"loss\":2.3,\"device\":\"cpu\"}"]);
        fixture.Program("baseline", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        var course = Path.Combine(fixture.Folder, "course.json");
        await File.WriteAllTextAsync(course, """
            {
              "name": "Calibration course", "term": "test", "timeZone": "UTC",
              "staff": [{ "login": "prof", "role": "instructor", "name": "Prof", "email": "prof@example.edu" }],
              "github": { "organization": "test-org", "repositoryPattern": "{assignment}-{login}" },
              "assignments": [{
                "id": "hw9", "title": "Competition", "kind": "competition",
                "release": "2026-10-01T09:00", "deadline": "2026-10-12T23:59", "weight": 100,
                "image": "course-busybox", "command": ["sh", "/submission/run.sh"],
                "limits": { "cpus": 1, "memory": "64m", "timeout": "30s", "pids": 32, "tmp": "16m" },
                "reference": "reference", "baseline": "baseline",
                "competition": {
                  "metric": "accuracy", "solution": "solution.csv", "idColumn": "id", "targetColumns": ["label"],
                  "publicFraction": 0.5, "splitSeed": 1, "dailyLimit": 2, "finalSelections": 1
                }
              }]
            }
            """);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Course"] = $"Data Source={Path.Combine(fixture.Folder, "course.db")}",
            ["Sandbox:WorkRoot"] = Path.Combine(fixture.Folder, "work"),
        };
        var host = new CliHost(GraderCli.AddModules, settings) { Out = output, Error = error };

        Assert.Equal(0, await GraderCli.RunAsync(["db", "migrate", "--course", course], new CliHost(GraderCli.AddModules, settings) { Out = output, Error = error }));
        output.GetStringBuilder().Clear();
        var exit = await GraderCli.RunAsync(["calibrate", "hw9", "--course", course], host);

        Assert.True(exit == 0, $"exit {exit}: {error}\n{output}");
        var lines = output.ToString().Split('\n');
        Assert.Contains(lines, l => l.TrimStart().StartsWith("reference", StringComparison.Ordinal) && l.Contains("  trained on cpu", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("baseline", StringComparison.Ordinal) && l.Contains("  device not logged", StringComparison.Ordinal));
    }
}
