using System.CommandLine;
using System.Globalization;
using Course.Assignments.Courses;
using Course.Assignments.Feedback.Metrics;
using Course.Core.Cli;
using Course.Grader.Grading;
using Course.Grader.Storage;
using Course.Sandbox.Images;
using Course.Sandbox.Running;

namespace Course.Grader.Calibration;

/// <summary>
/// <c>grader calibrate &lt;assignment&gt; [--output DIR] [--strict]</c>: runs the reference and the baseline
/// through the sandbox and prints scores, run times, the proposed score curve and flags.
/// Exit 0 when done (1 with <c>--strict</c> and a flag, so CI can gate a release on it).
/// </summary>
internal static class CalibrationCommands
{
    public static Command Create(CliHost host)
    {
        var assignment = new Argument<string>("assignment") { Description = "A tests, competition or debug assignment's id" };
        var output = new Option<string?>("--output") { Description = "Folder for the runs' outputs (default: .calibration/<assignment> beside course.json)" };
        var strict = new Option<bool>("--strict") { Description = "Exit with 1 when the assignment is flagged" };
        var command = new Command("calibrate", "Run the reference and a trivial baseline through the sandbox and flag a mis-set assignment")
        {
            assignment, output, strict,
        };
        host.Handle(command, async context =>
        {
            var course = context.Service<ICourseProvider>();
            var spec = course.Assignment(context.Get(assignment));
            var folder = Path.GetFullPath(context.Get(output) ?? context.Service<GradingPaths>().Calibration(spec.Id));
            var calibrator = new Calibrator(context.Service<ISandbox>(), context.Service<ISandboxImages>());
            var report = await context.Progress().RunAsync($"calibrate {spec.Id}", progress =>
                calibrator.RunAsync(spec, course.Course.Datasets, course.Resolve, folder, progress, context.Cancellation));
            await using (var scope = context.CreateScope())
            {
                // Every worker reads the expected outputs from the store, whatever its own disk holds.
                await scope.ServiceProvider.GetRequiredService<StoredCalibrations>().SaveAsync(spec.Id, folder, context.Cancellation);
            }

            if (context.Json)
            {
                await context.WriteJsonAsync(report);
            }
            else
            {
                await WriteAsync(context.Out, report);
            }

            return context.Get(strict) && report.Flags.Count > 0 ? 1 : 0;
        });
        return command;
    }

    private static async Task WriteAsync(TextWriter output, CalibrationReport report)
    {
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c, $"{report.Assignment} ({report.Kind}, image {report.Image}, limit {report.TimeoutSeconds:0} s)"));
        foreach (var run in new[] { report.Reference, report.Baseline }.OfType<RunMeasurement>())
        {
            var score = run.Score is { } s ? s.ToString("0.####", c) : "-";
            var share = run.WallMs / 10.0 / report.TimeoutSeconds;
            await output.WriteLineAsync(string.Create(c,
                $"  {run.Role,-9} score {score,-8} wall {run.WallMs / 1000.0,7:0.0} s ({share:0}% of the limit)  exit {run.ExitCode}{RunEndText.Suffix(run.TimedOut, run.ProcessLimitHit, run.OutputLimitHit, run.OomKilled)}  {PeakMemoryText.Describe(run.PeakMemoryBytes)}  {TrainingDevice.Describe(run.Device)}{(run.ScoreNote is null ? "" : $"  ({run.ScoreNote})")}"));
            if (!run.Succeeded && run.StderrTail.Length > 0)
            {
                await output.WriteLineAsync($"    stderr: {run.StderrTail.Trim().Split('\n')[^1]}");
            }
        }

        if (report.Curve is { } curve)
        {
            await output.WriteLineAsync(string.Create(c,
                $"  proposed curve: score {curve.Zero:0.####} -> 0 points, {curve.Full:0.####} -> {curve.Points:0.##} points (full), linear in between"));
        }

        await output.WriteLineAsync(report.Flags.Count == 0 ? "  flags: none" : $"  flags: {report.Flags.Count}");
        foreach (var flag in report.Flags)
        {
            await output.WriteLineAsync($"  ! {flag.Code}: {flag.Message}");
        }

        await output.WriteLineAsync($"  outputs: {report.OutputFolder}");
    }
}
