namespace Course.Grader.Cluster;

/// <summary>Slurm's job states (squeue <c>%T</c>, scontrol <c>JobState=</c>) as <see cref="SlurmPhase"/>s.</summary>
internal static class SlurmStates
{
    private static readonly Dictionary<string, SlurmPhase> Phases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PENDING"] = SlurmPhase.Waiting,
        ["CONFIGURING"] = SlurmPhase.Waiting,
        ["REQUEUED"] = SlurmPhase.Waiting,
        ["REQUEUE_HOLD"] = SlurmPhase.Waiting,
        ["REQUEUE_FED"] = SlurmPhase.Waiting,
        ["RESV_DEL_HOLD"] = SlurmPhase.Waiting,
        ["RUNNING"] = SlurmPhase.Running,
        ["COMPLETING"] = SlurmPhase.Running,
        ["SIGNALING"] = SlurmPhase.Running,
        ["STAGE_OUT"] = SlurmPhase.Running,
        ["RESIZING"] = SlurmPhase.Running,
        ["SUSPENDED"] = SlurmPhase.Running,
        ["STOPPED"] = SlurmPhase.Running,
        ["COMPLETED"] = SlurmPhase.Completed,
        ["FAILED"] = SlurmPhase.Failed,
        ["OUT_OF_MEMORY"] = SlurmPhase.Failed,
        ["TIMEOUT"] = SlurmPhase.TimedOut,
        ["NODE_FAIL"] = SlurmPhase.Lost,
        ["PREEMPTED"] = SlurmPhase.Lost,
        ["CANCELLED"] = SlurmPhase.Lost,
        ["BOOT_FAIL"] = SlurmPhase.Lost,
        ["DEADLINE"] = SlurmPhase.Lost,
        ["REVOKED"] = SlurmPhase.Lost,
        ["SPECIAL_EXIT"] = SlurmPhase.Lost,
    };

    /// <summary>
    /// The phase of <paramref name="state"/> ("CANCELLED by 0" reads as CANCELLED). A state this list does not know
    /// is waited on, never acted upon: a newer Slurm's state must not fail or re-run a job.
    /// </summary>
    public static SlurmPhase Phase(string state) =>
        Phases.GetValueOrDefault(state.Split(' ', 2)[0].TrimEnd('+'), SlurmPhase.Waiting);
}
