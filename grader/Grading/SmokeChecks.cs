using Course.Assignments.Feedback.Metrics;
using Course.Assignments.Model;
using Course.Grader.Grading.Training;

namespace Course.Grader.Grading;

/// <summary>
/// What a smoke run must show, worth no points: a metrics log whose lines are well-formed (at least one), and the
/// outputs the full run is graded on (a competition's predictions.csv, a tests assignment's checked files). Only
/// their presence and form are checked, never their values: the smoke run reveals nothing of the hidden checks.
/// </summary>
internal static class SmokeChecks
{
    public static IReadOnlyList<CheckResult> Check(AssignmentSpec assignment, string output, IReadOnlySet<string> produced)
    {
        var checks = new List<CheckResult> { new("metrics log", 0, 0, MetricsProblem(output, produced)) };
        var outputs = assignment.Kind == AssignmentKind.Competition
            ? ["predictions.csv"]
            : (assignment.Tests?.Checks ?? []).Select(c => c.Output).Distinct(StringComparer.Ordinal);
        checks.AddRange(outputs.Select(file => new CheckResult(file, 0, 0,
            produced.Contains(file) ? null : $"{file} was not written to /out")));
        return checks;
    }

    private static string? MetricsProblem(string output, IReadOnlySet<string> produced)
    {
        if (!produced.Contains(TrainingSection.MetricsFile))
        {
            return $"{TrainingSection.MetricsFile} was not written to /out";
        }

        try
        {
            return MetricsLogParser.Parse(Path.Combine(output, TrainingSection.MetricsFile)).Points.Count > 0
                ? null
                : $"{TrainingSection.MetricsFile} has no line";
        }
        catch (MetricsLogException malformed)
        {
            return malformed.Message;
        }
    }
}
