namespace Course.Core.Errors;

/// <summary>The input was fine but the work could not be done (engine down, server refused). Exit code 1.</summary>
public class WorkFailedException : CourseException
{
    public WorkFailedException(string message, Exception? inner = null) : base(message, inner) { }

    public override int ExitCode => ExitCodes.Failure;

    public override int HttpStatus => 503;
}
