using Course.Assignments.Model;

namespace Course.Grader.Calibration;

/// <summary>
/// Decides what is mis-set: a reference that fails, needs more than half its time limit, or misses
/// the competition's target; a baseline that already gets at least half of what the reference gets.
/// </summary>
internal static class CalibrationRules
{
    public const double SlowShare = 0.5;
    public const double BaselineShare = 0.5;

    public static IReadOnlyList<CalibrationFlag> Flags(AssignmentSpec assignment, TimeSpan timeout, double maxScore, RunMeasurement reference, RunMeasurement? baseline)
    {
        var flags = new List<CalibrationFlag>();
        if (!reference.Succeeded)
        {
            var why = reference.TimedOut ? $"timed out after {timeout.TotalSeconds:0} s"
                : reference.ProcessLimitHit ? "was stopped for keeping its process limit full (raise limits.pids)"
                : reference.OutputLimitHit ? "was stopped for writing more to /out than limits.output allows"
                : reference.OomKilled ? "was killed for lack of memory"
                : $"exited with {reference.ExitCode}";
            flags.Add(new("reference-failed", $"the reference {why}; students would fail the same way"));
        }

        if (reference.WallMs > timeout.TotalMilliseconds * SlowShare)
        {
            flags.Add(new("reference-slow",
                $"the reference needs {reference.WallMs / 1000.0:0.0} s, more than half of the {timeout.TotalSeconds:0} s limit: raise the limit or shrink the task"));
        }

        if (reference.Score is not { } referenceScore)
        {
            flags.Add(new("reference-unscored", $"the reference produced nothing to score ({reference.ScoreNote})"));
            return flags;
        }

        if (assignment.Competition is null && referenceScore < maxScore)
        {
            flags.Add(new("reference-incomplete", $"the reference passes {referenceScore:0.##} of {maxScore:0.##} points: a check's output was not written"));
        }

        if (assignment.Competition?.Target is { } target && referenceScore < target)
        {
            flags.Add(new("reference-misses-target", $"the reference scores {referenceScore:0.####}, below the target {target:0.####}"));
        }

        if (baseline?.Score is { } baselineScore && referenceScore > 0 && baselineScore >= BaselineShare * Math.Min(referenceScore, maxScore))
        {
            flags.Add(new("baseline-too-good",
                $"the trivial baseline scores {baselineScore:0.####}, at least half of the reference's {referenceScore:0.####}: the task is too easy or the metric too lenient"));
        }

        return flags;
    }
}
