namespace Course.Sandbox.Running;

/// <summary>One run: an image already on the engine and the command to run in it.</summary>
/// <param name="Image">A local image, e.g. <c>course-python</c> (see <c>grader images build</c>).</param>
/// <param name="Command">The argv of the job; no shell is added.</param>
public sealed record SandboxJob(string Image, IReadOnlyList<string> Command)
{
    /// <summary>Labels the container (<c>course.job</c>); letters, digits, '.', '_' and '-', at most 64. A fresh id when null.</summary>
    public string? JobId { get; init; }

    /// <summary>Host folders mounted into the container; read-only unless a mount says otherwise.</summary>
    public IReadOnlyList<SandboxMount> Mounts { get; init; } = [];

    public SandboxLimits Limits { get; init; } = new();

    /// <summary>The job's whole environment (nothing of the host's is passed). Never put secrets here.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Host folder that receives the files the job wrote to <c>/out</c>; created if missing and
    /// must be empty. When null, outputs are only listed (path, size, hash), not kept.
    /// </summary>
    public string? OutputFolder { get; init; }

    /// <summary>Working directory inside the container; the image's default when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// When it fires before <see cref="SandboxLimits.Timeout"/>, the run ends as at its time limit (killed, timed out,
    /// logs and /out kept): an outer limit that falls first, such as the cluster job's it runs in.
    /// </summary>
    public CancellationToken TimeUp { get; init; }
}
