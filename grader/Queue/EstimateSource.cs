namespace Course.Grader.Queue;

/// <summary>Where a queued job's expected start comes from (<see cref="QueueEstimate"/>).</summary>
public enum EstimateSource
{
    /// <summary>Replayed from the recent runs' measured durations on the workers at hand.</summary>
    Measured,

    /// <summary>Slurm's own start-time estimate of the Slurm job that holds the run (<c>squeue --start</c>).</summary>
    Slurm,
}
