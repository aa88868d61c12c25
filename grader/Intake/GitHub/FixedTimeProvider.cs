namespace Course.Grader.Intake.GitHub;

/// <summary>
/// A clock stopped at the moment a push reached the server, handed to the submission recorder so a
/// push taken in later (after a download, a retry, a restart) keeps the time it really arrived.
/// </summary>
internal sealed class FixedTimeProvider(DateTimeOffset instant) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => instant;
}
