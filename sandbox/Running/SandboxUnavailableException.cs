using Course.Core.Errors;

namespace Course.Sandbox.Running;

/// <summary>
/// The infrastructure failed (engine down, image missing, host folder not writable): not the
/// student's fault, so callers retry and never count it against a limit (docs/SECURITY.md rule 8). Exit code 1.
/// </summary>
public sealed class SandboxUnavailableException(string message, Exception? inner = null)
    : WorkFailedException(message, inner);
