using System.Text.RegularExpressions;
using Course.Core.Errors;
using Course.Sandbox.Engine;

namespace Course.Sandbox.Running;

/// <summary>Refuses a job that is malformed or would weaken the sandbox, naming the field.</summary>
internal static partial class JobValidator
{
    private static readonly string[] ReservedTargets = ["/", HardenedContainer.OutPath, "/tmp", "/proc", "/sys", "/dev"];

    /// <summary>Checks <paramref name="job"/> and returns its job id (a fresh one when it has none).</summary>
    public static string Validate(SandboxJob job, int hostCores)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(job.Image))
        {
            problems.Add("image: required");
        }

        if (job.Command.Count == 0 || job.Command.Any(string.IsNullOrEmpty))
        {
            problems.Add("command: required, without empty arguments");
        }

        var jobId = job.JobId ?? Guid.NewGuid().ToString("N");
        if (!JobIdPattern().IsMatch(jobId))
        {
            problems.Add($"jobId: '{jobId}' must be 1-64 letters, digits, '.', '_' or '-'");
        }

        problems.AddRange(job.Mounts.SelectMany(MountProblems));
        problems.AddRange(LimitProblems(job.Limits, hostCores));
        problems.AddRange(job.Environment.Keys
            .Where(key => key.Length == 0 || key.Contains('=', StringComparison.Ordinal) || key.Contains('\0', StringComparison.Ordinal))
            .Select(key => $"environment: '{key}' is not a variable name"));
        if (job.OutputFolder is { } folder && Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            problems.Add($"outputFolder: '{folder}' is not empty");
        }

        if (job.WorkingDirectory is { } directory && !directory.StartsWith('/'))
        {
            problems.Add($"workingDirectory: '{directory}' must be absolute");
        }

        return problems.Count == 0 ? jobId : throw new BadInputException(problems);
    }

    private static IEnumerable<string> MountProblems(SandboxMount mount)
    {
        var source = Path.GetFullPath(mount.Source);
        if (!File.Exists(source) && !Directory.Exists(source))
        {
            yield return $"mount: source '{mount.Source}' does not exist";
        }
        else if (IsDockerSocket(source))
        {
            yield return $"mount: '{mount.Source}' is the Docker socket, never mounted into a sandbox";
        }

        var target = mount.Target.TrimEnd('/');
        if (!mount.Target.StartsWith('/') || mount.Target.Split('/').Contains(".."))
        {
            yield return $"mount: target '{mount.Target}' must be an absolute path without '..'";
        }
        else if (ReservedTargets.Contains(target.Length == 0 ? "/" : target))
        {
            yield return $"mount: target '{mount.Target}' is reserved by the sandbox";
        }
    }

    private static bool IsDockerSocket(string source)
    {
        var resolved = new FileInfo(source).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? source;
        return Path.GetFileName(resolved) == "docker.sock"
               || (Directory.Exists(resolved) && File.Exists(Path.Combine(resolved, "docker.sock")));
    }

    private static IEnumerable<string> LimitProblems(SandboxLimits limits, int hostCores)
    {
        if (!(limits.Cpus >= 0.01 && limits.Cpus <= hostCores))
        {
            yield return $"cpus: {limits.Cpus} must be between 0.01 and the host's {hostCores} cores";
        }

        // The engine refuses less than 6 MiB.
        if (limits.MemoryBytes < 6L << 20)
        {
            yield return $"memory: {limits.MemoryBytes} bytes is below the engine's minimum of 6 MiB";
        }

        if (limits.Pids < 1)
        {
            yield return $"pids: {limits.Pids} must be at least 1";
        }

        if (limits.Timeout <= TimeSpan.Zero)
        {
            yield return "timeout: must be positive";
        }

        if (limits.Gpus < 0)
        {
            yield return $"gpus: {limits.Gpus} must not be negative";
        }

        if (limits.TmpBytes < 1 || limits.OpenFiles < 16)
        {
            yield return "tmp and openFiles: must be positive (open files at least 16)";
        }

        if (limits.Output.MaxFiles < 0 || limits.Output.MaxFileBytes < 1 || limits.Output.MaxTotalBytes < 0)
        {
            yield return "output limits: must not be negative (bytes per file at least 1)";
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex JobIdPattern();
}
