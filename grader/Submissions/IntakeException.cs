namespace Course.Grader.Submissions;

/// <summary>A submission cannot be taken in as it is (over the caps, unreadable); the message says why.</summary>
internal sealed class IntakeException(string message) : Exception(message);
