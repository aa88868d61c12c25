using Course.Core.Cli;

namespace Course.Grader.Grading;

/// <summary>
/// Scratch space of this process: <c>Grader:WorkDirectory</c>, by default <c>grading/</c> beside course.json. What
/// grading keeps lives in the store (<see cref="Storage.IBlobStore"/>); here are only a run's unpacked snapshot and
/// /out while it runs, an intake's tree while it is stored, and unpacked calibrations. Deleting the folder loses
/// nothing. The folder a version before the store kept uploads in is named here too, for <c>grader db migrate</c>
/// to move them into the store (snapshots and runs it finds by the paths their records kept).
/// </summary>
public sealed class GradingPaths(CoursePaths course, IConfiguration configuration)
{
    private readonly CoursePaths _course = course;
    private readonly IConfiguration _configuration = configuration;

    public string Root { get; } = course.Resolve(configuration["Grader:WorkDirectory"] is { Length: > 0 } configured ? configured : "grading");

    /// <summary>The scratch folder of one run of a job (a retry gets a fresh one).</summary>
    public string Run(string assignment, string owner, string commit, int attempt) =>
        Path.Combine(Root, "runs", Safe(assignment), Safe(owner), Safe(commit), $"attempt-{attempt}");

    /// <summary>The folder where a version before the store kept the predictions files uploaded over HTTP, as &lt;id&gt;.csv per assignment.</summary>
    public string Uploads => Path.Combine(Root, "uploads");

    /// <summary>A fresh scratch folder (an intake's tree before it is stored, an upload before it is scored).</summary>
    public string Staging() => Path.Combine(Root, "staging", Guid.NewGuid().ToString("N"));

    /// <summary>Where the stored folder <paramref name="key"/> is unpacked once and reused: a key never changes content.</summary>
    public string Unpacked(string key) => Path.Combine(Root, "unpacked", Safe(key));

    /// <summary>Whether the staff named the <paramref name="role"/>'s ("reference", "baseline") outputs folder themselves.</summary>
    public bool NamesCalibratedFolder(string role) => _configuration[Setting(role)] is { Length: > 0 };

    /// <summary>
    /// The reference outputs a tests/debug assignment's checks compare with: the reference solution's
    /// /out as <c>grader calibrate</c> keeps it (<c>.calibration/&lt;assignment&gt;/reference/out</c>), or
    /// <c>Grader:ReferenceOutputs</c> with "{assignment}" replaced. Never mounted into a container.
    /// </summary>
    public string ReferenceOutputs(string assignment) => Calibrated(assignment, "reference");

    /// <summary>
    /// The trivial baseline's /out as <c>grader calibrate</c> keeps it (<c>.calibration/&lt;assignment&gt;/baseline/out</c>),
    /// or <c>Grader:BaselineOutputs</c> with "{assignment}" replaced: where training feedback finds the baseline accuracy.
    /// </summary>
    public string BaselineOutputs(string assignment) => Calibrated(assignment, "baseline");

    /// <summary>The folder <c>grader calibrate</c> writes to by default: <c>.calibration/&lt;assignment&gt;</c>.</summary>
    public string Calibration(string assignment) => _course.Resolve(Path.Combine(".calibration", Safe(assignment)));

    private static string Setting(string role) => role == "reference" ? "Grader:ReferenceOutputs" : "Grader:BaselineOutputs";

    private string Calibrated(string assignment, string role) => _course.Resolve(
        (_configuration[Setting(role)] is { Length: > 0 } pattern ? pattern : $".calibration/{{assignment}}/{role}/out")
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
