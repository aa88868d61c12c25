using System.Globalization;
using Course.Assignments.Model;
using Course.Assignments.Model.Values;
using Course.Core.Cli;
using Course.Grader.Queue;

namespace Course.Grader.Cluster;

/// <summary>
/// The sbatch request of one grading run: the assignment's CPUs, memory (the container's plus the grader step's),
/// GPUs as <c>--gres=gpu:N</c> and timeout (plus a margin for start-up and recording, in whole minutes as Slurm
/// counts them), and a batch script whose only step is <c>grader worker --job ID</c> on the node Slurm picks.
/// Slurm's own requeue is off: a lost run comes back through the course's queue, which knows what to count.
/// </summary>
internal sealed class SlurmBatch(ClusterOptions options, CoursePaths paths)
{
    /// <summary>Where the steps' output goes, one <c>JOBID.out</c> per Slurm job.</summary>
    public string LogFolder => paths.Resolve(options.LogFolder ?? ".slurm");

    public IReadOnlyList<string> Arguments(GradingJob job, LimitsSpec limits)
    {
        var invariant = CultureInfo.InvariantCulture;
        var memoryMiB = (ByteSize.Parse(limits.Memory) + (1 << 20) - 1) / (1 << 20) + options.StepMemoryMiB;
        var minutes = (int)Math.Ceiling((Duration.Parse(limits.Timeout) + options.TimeMargin).TotalMinutes);
        var arguments = new List<string>
        {
            "--parsable",
            $"--job-name=course-{job.Assignment}-{job.Id.ToString("N")[..8]}",
            $"--partition={options.Partition}",
            "--nodes=1",
            "--ntasks=1",
            $"--cpus-per-task={Math.Max(1, (int)Math.Ceiling(limits.Cpus)).ToString(invariant)}",
            $"--mem={memoryMiB.ToString(invariant)}M",
            $"--time={minutes.ToString(invariant)}",
            "--no-requeue",
            $"--output={Path.Combine(LogFolder, "%j.out")}",
            $"--chdir={paths.Directory}",
            "--export=ALL",
        };
        if (options.Account is { } account)
        {
            arguments.Add($"--account={account}");
        }

        if (limits.Gpus > 0)
        {
            arguments.Add($"--gres=gpu:{limits.Gpus.ToString(invariant)}");
        }

        return arguments;
    }

    /// <summary>
    /// The batch script (sbatch reads it from standard input): one step, every word single-quoted. A job given GPUs
    /// grades on exactly those: the GPUs Slurm allocated (<c>SLURM_JOB_GPUS</c>) become the step's <c>Sandbox:Gpus</c>.
    /// </summary>
    public string Script(GradingJob job) =>
        "#!/bin/sh\n[ -n \"${SLURM_JOB_GPUS:-}\" ] && export Sandbox__Gpus=\"$SLURM_JOB_GPUS\"\nexec " + string.Join(' ', options.Grader.Concat(["worker", "--job", job.Id.ToString(), "--course", paths.CourseFile])
            .Select(Quote)) + "\n";

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
