namespace Course.Grader.Calibration;

/// <summary>
/// What <c>grader calibrate</c> found for one assignment; <see cref="Flags"/> is empty for a well-set one.
/// Kept as <see cref="FileName"/> in the output folder, beside the runs' outputs it describes.
/// </summary>
public sealed record CalibrationReport(
    string Assignment,
    string Kind,
    string Image,
    double TimeoutSeconds,
    double MaxScore,
    RunMeasurement Reference,
    RunMeasurement? Baseline,
    ScoreCurve? Curve,
    IReadOnlyList<CalibrationFlag> Flags,
    string OutputFolder)
{
    public const string FileName = "calibration.json";
}
