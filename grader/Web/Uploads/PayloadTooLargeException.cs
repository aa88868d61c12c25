using Course.Core.Errors;

namespace Course.Grader.Web.Uploads;

/// <summary>An upload over the size limit (HTTP 413).</summary>
internal sealed class PayloadTooLargeException(string message) : BadInputException(message)
{
    public override int HttpStatus => 413;
}
