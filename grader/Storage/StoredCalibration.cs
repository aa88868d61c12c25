namespace Course.Grader.Storage;

/// <summary>
/// What <c>grader calibrate</c> kept of an assignment (the reference's and the baseline's /out and calibration.json),
/// as one folder archive in the store: every worker finds the expected outputs there, whatever its own disk holds.
/// </summary>
public sealed class StoredCalibration
{
    public required string Assignment { get; init; }

    public required string ArchiveKey { get; set; }

    public required DateTimeOffset StoredAt { get; set; }
}
