namespace Course.Grader.Cluster;

/// <summary>What a Slurm job state means for the grading job it runs.</summary>
internal enum SlurmPhase
{
    /// <summary>Not started yet (pending, configuring, requeued by Slurm).</summary>
    Waiting,

    Running,

    /// <summary>The step ended by itself; it recorded the result, or the run is an infrastructure failure.</summary>
    Completed,

    /// <summary>The step itself failed (non-zero exit, out of memory): an infrastructure failure.</summary>
    Failed,

    /// <summary>Stopped at the time limit the assignment gave it: the student's verdict.</summary>
    TimedOut,

    /// <summary>Node failure, preemption, cancellation outside Course, or forgotten by Slurm: run again, uncounted.</summary>
    Lost,
}
