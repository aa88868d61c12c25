namespace Course.Grader.Calibration;

/// <summary>
/// One calibration run (the reference or the baseline) through the sandbox. <see cref="Score"/> is the
/// competition metric or the points of the checks passed; null when the run produced nothing to score.
/// Peak memory is not measured: the sandbox reports OOM kills, not high-water marks.
/// </summary>
public sealed record RunMeasurement(
    string Role,
    string Folder,
    long ExitCode,
    bool TimedOut,
    bool OomKilled,
    long WallMs,
    double? Score,
    string? ScoreNote,
    string StderrTail)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut && !OomKilled;
}
