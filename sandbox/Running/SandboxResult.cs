namespace Course.Sandbox.Running;

/// <summary>The sandbox result of docs/ARCHITECTURE.md; serialize it with Course.Core.Output.Json.</summary>
/// <param name="ExitCode">The main process's exit code (137 when killed by SIGKILL).</param>
/// <param name="WallMs">From start until the container stopped.</param>
/// <param name="StdoutTail">The last kilobytes of stdout, decoded as UTF-8 (invalid bytes replaced).</param>
/// <param name="Outputs">Files accepted from <c>/out</c>, paths relative to it with '/'.</param>
/// <param name="Rejected">Entries of <c>/out</c> refused, with the reason; never followed.</param>
/// <param name="PeakMemoryBytes">The container's highest memory use (page cache included, as the memory limit
/// counts it) over the engine's stats samples, about one a second; null when the run ended before the first
/// sample. On cgroup v2 without a kernel peak, a short spike between samples is missed.</param>
/// <param name="ProcessLimitHit">Killed because it kept its process limit full for 5 s (a fork bomb), before its time limit.</param>
/// <param name="OutputLimitHit">Went past its output limits (bytes or files) while it ran: stopped when /out
/// filled up, or ended on its own with /out full. Only a capped /out (a grader running as root) can tell.</param>
public sealed record SandboxResult(
    long ExitCode,
    bool OomKilled,
    bool TimedOut,
    long WallMs,
    string StdoutTail,
    string StderrTail,
    IReadOnlyList<SandboxOutput> Outputs,
    IReadOnlyList<SandboxRejection> Rejected,
    long? PeakMemoryBytes,
    bool ProcessLimitHit,
    bool OutputLimitHit = false);
