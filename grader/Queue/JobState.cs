namespace Course.Grader.Queue;

/// <summary>
/// Life of a grading job. <see cref="Retrying"/> waits for its next attempt after an infrastructure failure;
/// <see cref="Blocked"/> waits, uncounted, for the course's set-up (calibration, an image) and is queued again once it is complete.
/// </summary>
public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Retrying,
    Blocked,
    /// <summary>Cancelled by staff (<c>grader jobs cancel</c>): never run again, no result.</summary>
    Cancelled,
}
