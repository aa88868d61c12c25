namespace Course.Grader.Tests.Support;

/// <summary>A fact that needs the Slurm cluster of scripts/slurm.sh; skipped, saying so, only where sinfo is missing.</summary>
internal sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (!SlurmCluster.Available)
        {
            Skip = "Slurm is not installed here (no sinfo): run scripts/slurm.sh as root, as .ci/run does";
        }
    }
}
