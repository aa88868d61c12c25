namespace Course.Core.Errors;

/// <summary>
/// A failure the user can act on. Its message names the thing and its state; the command line
/// turns it into an exit code and the HTTP API into a problem response.
/// </summary>
public abstract class CourseException : Exception
{
    protected CourseException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The process exit code for this failure (see <see cref="ExitCodes"/>).</summary>
    public abstract int ExitCode { get; }

    /// <summary>The HTTP status an API call answers with.</summary>
    public abstract int HttpStatus { get; }
}
