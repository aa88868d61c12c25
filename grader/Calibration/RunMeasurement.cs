namespace Course.Grader.Calibration;

/// <summary>
/// One calibration run (the reference or the baseline) through the sandbox. <see cref="Score"/> is the
/// competition metric or the points of the checks passed; null when the run produced nothing to score.
/// <see cref="PeakMemoryBytes"/> is the sandbox's sampled peak, null when the run ended before the first sample.
/// <see cref="Device"/> is the device its /out/metrics.jsonl says it trained on, null when the log names none.
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
    string StderrTail,
    long? PeakMemoryBytes,
    bool ProcessLimitHit,
    bool OutputLimitHit = false,
    string? Device = null)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut && !OomKilled && !ProcessLimitHit && !OutputLimitHit;
}
