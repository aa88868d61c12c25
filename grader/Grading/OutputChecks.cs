using Course.Assignments.Model;

namespace Course.Grader.Grading;

/// <summary>
/// Scores a run's outputs against the reference outputs on the host, check by check: the same rules for a grading
/// run and for a rescore of its kept outputs (<see cref="Grades.Rescorer"/>).
/// </summary>
internal static class OutputChecks
{
    /// <summary>True when the run never got as far as its outputs (no check runs, no points).</summary>
    public static bool Unchecked(Verdict verdict) =>
        verdict is Verdict.TimedOut or Verdict.ProcessLimit or Verdict.OutOfMemory or Verdict.BuildError;

    /// <summary>Each check of <paramref name="tests"/> on the files of <paramref name="output"/> the run wrote (<paramref name="produced"/>).</summary>
    public static IReadOnlyList<CheckResult> Compare(TestsSpec tests, string assignmentId, string reference, string output,
        IReadOnlySet<string> produced)
    {
        var results = new List<CheckResult>();
        foreach (var check in tests.Checks)
        {
            var expected = Path.Combine(reference, check.Output);
            if (!File.Exists(expected))
            {
                throw new CourseSetupException($"'{assignmentId}' is not calibrated: reference output {expected} is missing (run grader calibrate {assignmentId})");
            }

            // Several checks on one file compare one member each (debug assignments: checks.json).
            var member = tests.Checks.Count(c => c.Output == check.Output) > 1 ? check.Name : null;
            var problem = produced.Contains(check.Output)
                ? JsonOutputComparer.Compare(Path.Combine(output, check.Output), expected, check.Tolerance, member)
                : $"{check.Output} was not written to /out";
            results.Add(new CheckResult(check.Name, problem is null ? check.Points : 0, check.Points, problem));
        }

        return results;
    }

    /// <summary>The verdict of a run that reached its checks: a failed check on an output the run never wrote makes it MissingOutput.</summary>
    public static Verdict Judge(Verdict verdict, TestsSpec tests, IReadOnlyList<CheckResult> checks, IReadOnlySet<string> produced) =>
        verdict == Verdict.Graded && checks.Any(c => c.Problem is not null) && tests.Checks.Any(c => !produced.Contains(c.Output))
            ? Verdict.MissingOutput
            : verdict;

    /// <summary>A run otherwise graded that wrote output the sandbox rejected (links, special files) is RejectedOutput.</summary>
    public static Verdict WithRejected(Verdict verdict, bool rejected) =>
        rejected && verdict == Verdict.Graded ? Verdict.RejectedOutput : verdict;
}
