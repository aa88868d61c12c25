using Course.Core.Cli;

namespace Course.Grader.Grading;

/// <summary>
/// Where grading keeps files: <c>Grader:WorkDirectory</c>, by default <c>grading/</c> beside course.json.
/// Submission snapshots, per-attempt run folders (/out copies, feedback) and reference outputs live there.
/// </summary>
public sealed class GradingPaths(CoursePaths course, IConfiguration configuration)
{
    private readonly CoursePaths _course = course;
    private readonly IConfiguration _configuration = configuration;

    public string Root { get; } = course.Resolve(configuration["Grader:WorkDirectory"] is { Length: > 0 } configured ? configured : "grading");

    /// <summary>The snapshot of one submitted tree.</summary>
    public string Snapshot(string assignment, string owner, string commit) =>
        Path.Combine(Root, "submissions", Safe(assignment), Safe(owner), Safe(commit));

    /// <summary>The folder of one run of a job (a retry gets a fresh one).</summary>
    public string Run(string assignment, string owner, string commit, int attempt) =>
        Path.Combine(Root, "runs", Safe(assignment), Safe(owner), Safe(commit), $"attempt-{attempt}");

    /// <summary>A predictions file uploaded over HTTP, kept as it was scored.</summary>
    public string Upload(string assignment, string id) => Path.Combine(Root, "uploads", Safe(assignment), Safe(id) + ".csv");

    /// <summary>
    /// The reference outputs a tests/debug assignment's checks compare with: the reference solution's
    /// /out as <c>grader calibrate</c> keeps it (<c>.calibration/&lt;assignment&gt;/reference/out</c>), or
    /// <c>Grader:ReferenceOutputs</c> with "{assignment}" replaced. Never mounted into a container.
    /// </summary>
    public string ReferenceOutputs(string assignment) => Calibrated(assignment, "Grader:ReferenceOutputs", "reference");

    /// <summary>
    /// The trivial baseline's /out as <c>grader calibrate</c> keeps it (<c>.calibration/&lt;assignment&gt;/baseline/out</c>),
    /// or <c>Grader:BaselineOutputs</c> with "{assignment}" replaced: where training feedback finds the baseline accuracy.
    /// </summary>
    public string BaselineOutputs(string assignment) => Calibrated(assignment, "Grader:BaselineOutputs", "baseline");

    private string Calibrated(string assignment, string setting, string role) => _course.Resolve(
        (_configuration[setting] is { Length: > 0 } pattern ? pattern : $".calibration/{{assignment}}/{role}/out")
        .Replace("{assignment}", Safe(assignment), StringComparison.Ordinal));

    /// <summary>
    /// One folder name per segment: a team's id ("hw2/duo") or any other character a file name cannot hold is
    /// percent-encoded, so it stays one folder, distinct from every other id; plain names are unchanged.
    /// </summary>
    internal static string Safe(string segment)
    {
        var encoded = Uri.EscapeDataString(segment);
        return encoded.Length == 0 || encoded is "." or ".."
            ? throw new ArgumentException($"'{segment}' cannot be a folder name", nameof(segment))
            : encoded;
    }
}
