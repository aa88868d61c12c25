namespace Course.Assignments.Model;

/// <summary>
/// Hard limits of one grading run. Defaults: 1 CPU, 1g memory (swap equal), no GPU,
/// 10 minutes, 256 processes, 256m of /tmp, 256m and 1,000 files in /out.
/// </summary>
public sealed record LimitsSpec
{
    public double Cpus { get; init; } = 1;

    /// <summary>Memory as "512m", "1.5g", "2048k"; swap is set equal so nothing spills.</summary>
    public string Memory { get; init; } = "1g";

    public int Gpus { get; init; }

    /// <summary>Wall-clock limit as "90s", "10m", "1h".</summary>
    public string Timeout { get; init; } = "10m";

    public int Pids { get; init; } = 256;

    public string Tmp { get; init; } = "256m";

    /// <summary>
    /// What a run may write to /out in total (also the most for one file). The sandbox stops a run that
    /// writes more while it runs; the bytes count against the memory limit too (/out is a tmpfs).
    /// </summary>
    public string Output { get; init; } = "256m";

    /// <summary>How many files a run may write to /out (folders aside, 64 of those are allowed).</summary>
    public int OutputFiles { get; init; } = 1000;
}
