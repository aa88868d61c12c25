using Course.Assignments.Model;
using Course.Assignments.Model.Values;
using Course.Sandbox.Running;

namespace Course.Grader.Grading;

/// <summary>An assignment's limits from course.json as the sandbox takes them, for grading and calibration alike.</summary>
internal static class CourseLimits
{
    public static SandboxLimits ForSandbox(LimitsSpec limits) => new()
    {
        Cpus = limits.Cpus,
        MemoryBytes = ByteSize.Parse(limits.Memory),
        Pids = limits.Pids,
        Timeout = Duration.Parse(limits.Timeout),
        Gpus = limits.Gpus,
        TmpBytes = ByteSize.Parse(limits.Tmp),
        Output = new OutputLimits
        {
            MaxFiles = limits.OutputFiles,
            MaxFileBytes = ByteSize.Parse(limits.Output),
            MaxTotalBytes = ByteSize.Parse(limits.Output),
        },
    };
}
