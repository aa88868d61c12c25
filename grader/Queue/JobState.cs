namespace Course.Grader.Queue;

/// <summary>Life of a grading job. <see cref="Retrying"/> waits for its next attempt after an infrastructure failure.</summary>
public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Retrying,
    /// <summary>Cancelled by staff (<c>grader jobs cancel</c>): never run again, no result.</summary>
    Cancelled,
}
