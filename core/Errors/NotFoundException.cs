namespace Course.Core.Errors;

/// <summary>A named thing (assignment, student, team, job) does not exist. Exit code 2.</summary>
public sealed class NotFoundException : BadInputException
{
    public NotFoundException(string message) : base(message) { }

    public override int HttpStatus => 404;
}
