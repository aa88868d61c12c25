namespace Course.Grader.Grading;

/// <summary>
/// The grading infrastructure failed (engine down, image missing, host out of disk): not the
/// student's fault, so the job is retried with backoff and never counts against them.
/// </summary>
public sealed class InfrastructureException(string message, Exception? inner = null) : Exception(message, inner);
