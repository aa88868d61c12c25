namespace Course.Sandbox.Running;

/// <summary>
/// Runs one job in a hardened, throw-away container (docs/SECURITY.md rules 1-4) and returns what
/// happened. Anything the job's code did (crash, timeout, out of memory, hostile outputs) is in the
/// result; a failure of the infrastructure (engine down, image missing, host out of disk) throws
/// <see cref="SandboxUnavailableException"/> so the caller can retry without blaming the student.
/// </summary>
public interface ISandbox
{
    Task<SandboxResult> RunAsync(SandboxJob job, CancellationToken cancellation = default);
}
