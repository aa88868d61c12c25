namespace Course.Core.Errors;

/// <summary>Input the user gave is wrong: a field, a line, an argument. Exit code 2.</summary>
public class BadInputException : CourseException
{
    public BadInputException(string message, Exception? inner = null) : base(message, inner) { }

    public BadInputException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Every problem found, when more than one was collected before failing.</summary>
    public IReadOnlyList<string> Problems { get; } = [];

    public override int ExitCode => ExitCodes.BadInput;

    public override int HttpStatus => 400;
}
