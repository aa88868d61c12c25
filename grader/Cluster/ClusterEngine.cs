namespace Course.Grader.Cluster;

/// <summary>What runs the course's grading jobs (<c>Queue:Engine</c>).</summary>
public enum ClusterEngine
{
    /// <summary><c>grader worker</c> processes claim jobs and run them on their own host's Docker engine.</summary>
    Local,

    /// <summary>Each job becomes a Slurm job whose step runs it on the node Slurm chose.</summary>
    Slurm,
}
