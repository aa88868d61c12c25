using Course.Assignments.Feedback.Metrics;
using Course.Assignments.Model;
using Course.Assignments.Model.Values;
using Course.Core.Errors;
using Course.Core.Output;
using Course.Grader.Grading;
using Course.Grader.Grading.Training;
using Course.Sandbox.Images;
using Course.Sandbox.Running;

namespace Course.Grader.Calibration;

/// <summary>
/// Runs an assignment's reference and its trivial baseline through the sandbox with the assignment's
/// own image, command and limits, scores both on the host, and flags what is mis-set
/// (see <see cref="CalibrationRules"/>). For tests and debug assignments the reference's outputs are
/// the expected outputs: they are kept in {output}/reference/out, never mounted into a student's run.
/// The report itself is kept beside them as {output}/calibration.json.
/// </summary>
internal sealed class Calibrator(ISandbox sandbox, ISandboxImages images)
{
    public async Task<CalibrationReport> RunAsync(AssignmentSpec assignment, IReadOnlyList<DatasetSpec> datasets, Func<string, string> resolve,
        string outputFolder, IProgress<ProgressStep> progress, CancellationToken cancellation)
    {
        if (assignment.Kind is not (AssignmentKind.Competition or AssignmentKind.Tests or AssignmentKind.Debug))
        {
            throw new BadInputException($"assignment '{assignment.Id}' is a {assignment.Kind.ToString().ToLowerInvariant()} assignment: only tests, competition and debug assignments run code");
        }

        var referenceFolder = Folder(assignment, assignment.Reference, "reference", resolve);
        var baselineFolder = assignment.Baseline is null ? null : Folder(assignment, assignment.Baseline, "baseline", resolve);
        var steps = baselineFolder is null ? 2 : 3;
        progress.Report(new ProgressStep($"image {assignment.Image}", 0, steps));
        var image = await images.EnsureAsync(assignment.Image!, null, cancellation);
        if (Directory.Exists(outputFolder))
        {
            Directory.Delete(outputFolder, recursive: true);
        }

        Directory.CreateDirectory(outputFolder);
        var timeout = Duration.Parse(assignment.Limits.Timeout);
        var maxScore = assignment.Kind == AssignmentKind.Competition ? 1.0 : assignment.Tests?.Checks.Sum(c => c.Points) ?? 0;

        progress.Report(new ProgressStep($"reference ({assignment.Reference}), limit {assignment.Limits.Timeout}", 1, steps));
        var referenceOut = Path.Combine(outputFolder, "reference", "out");
        var referenceResult = await RunOneAsync(assignment, image.Tag, referenceFolder, datasets, resolve, referenceOut, "reference", cancellation);
        var reference = Measure("reference", assignment.Reference!, referenceResult, Score(assignment, resolve, referenceOut, referenceOut, referenceResult), referenceOut);

        RunMeasurement? baseline = null;
        if (baselineFolder is not null)
        {
            progress.Report(new ProgressStep($"baseline ({assignment.Baseline})", 2, steps));
            var baselineOut = Path.Combine(outputFolder, "baseline", "out");
            var baselineResult = await RunOneAsync(assignment, image.Tag, baselineFolder, datasets, resolve, baselineOut, "baseline", cancellation);
            baseline = Measure("baseline", assignment.Baseline!, baselineResult, Score(assignment, resolve, referenceOut, baselineOut, baselineResult), baselineOut);
        }

        progress.Report(new ProgressStep("scored", steps, steps));
        var flags = CalibrationRules.Flags(assignment, timeout, maxScore, reference, baseline);
        var curve = reference.Score is { } full ? new ScoreCurve(baseline?.Score ?? 0, full, assignment.Weight) : null;
        var report = new CalibrationReport(assignment.Id, assignment.Kind.ToString().ToLowerInvariant(), image.Tag, timeout.TotalSeconds, maxScore,
            reference, baseline, curve, flags, outputFolder);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, CalibrationReport.FileName), Json.Serialize(report), cancellation);
        return report;
    }

    private async Task<SandboxResult> RunOneAsync(AssignmentSpec assignment, string imageTag, string folder, IReadOnlyList<DatasetSpec> datasets,
        Func<string, string> resolve, string outputFolder, string role, CancellationToken cancellation)
    {
        var job = CalibrationJob.Create(assignment, imageTag, folder, datasets, resolve, outputFolder, role);
        try
        {
            return await sandbox.RunAsync(job, cancellation);
        }
        catch (SandboxUnavailableException e)
        {
            throw new WorkFailedException($"calibrate {assignment.Id}: the sandbox could not run the {role}: {e.Message}", e);
        }
    }

    private static (double? Score, string? Note) Score(AssignmentSpec assignment, Func<string, string> resolve, string expectedOut, string actualOut, SandboxResult result)
    {
        if (assignment.Competition is { } competition)
        {
            if (!string.Equals(competition.Metric, CompetitionMetrics.Accuracy, StringComparison.Ordinal))
            {
                return (null, $"calibration scores accuracy only, not {competition.Metric}");
            }

            return CompetitionAccuracy.Score(resolve(competition.Solution), Path.Combine(actualOut, "predictions.csv"), competition.IdColumn, competition.TargetColumns[0]);
        }

        var checks = assignment.Tests?.Checks ?? [];
        if (result.Outputs.Count == 0)
        {
            return (null, "no output files were written");
        }

        var points = checks.Where(c => Matches(Path.Combine(expectedOut, c.Output), Path.Combine(actualOut, c.Output), c.Tolerance)).Sum(c => c.Points);
        return (points, null);
    }

    private static RunMeasurement Measure(string role, string folder, SandboxResult result, (double? Score, string? Note) score, string outFolder) =>
        new(role, folder, result.ExitCode, result.TimedOut, result.OomKilled, result.WallMs,
            result.ExitCode == 0 && !result.TimedOut && !result.OomKilled ? score.Score : null,
            result.ExitCode == 0 && !result.TimedOut ? score.Note : "the run failed", result.StderrTail, result.PeakMemoryBytes,
            result.ProcessLimitHit, result.OutputLimitHit, LoggedDevice(outFolder));

    /// <summary>The device the run's metrics log names; null when it wrote no log, named none, or wrote one that does not parse.</summary>
    private static string? LoggedDevice(string outFolder)
    {
        var log = Path.Combine(outFolder, TrainingSection.MetricsFile);
        try
        {
            return File.Exists(log) ? MetricsLogParser.Parse(log).Device : null;
        }
        catch (MetricsLogException)
        {
            return null;
        }
    }

    private static string Folder(AssignmentSpec assignment, string? relative, string field, Func<string, string> resolve)
    {
        if (relative is null)
        {
            throw new BadInputException($"assignment '{assignment.Id}': {field} is not set in course.json; calibration needs it");
        }

        var folder = resolve(relative);
        return Directory.Exists(folder)
            ? folder
            : throw new BadInputException($"assignment '{assignment.Id}': {field} folder {relative} does not exist");
    }

    // Calibration scores the baseline exactly as grading scores a student: the same comparison.
    private static bool Matches(string expected, string actual, double tolerance) =>
        File.Exists(expected) && JsonOutputComparer.Compare(actual, expected, tolerance) is null;
}
