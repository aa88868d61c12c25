namespace Course.Reference;

/// <summary>A bad command line: the message is printed and the program exits with 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
