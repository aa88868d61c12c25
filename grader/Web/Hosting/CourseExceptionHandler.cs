using Course.Core.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace Course.Grader.Web.Hosting;

/// <summary>The one place that turns a <see cref="CourseException"/> into a ProblemDetails answer with its HTTP status.</summary>
internal sealed class CourseExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not CourseException failure)
        {
            return false;
        }

        httpContext.Response.StatusCode = failure.HttpStatus;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = failure.HttpStatus, Title = failure.GetType().Name, Detail = failure.Message },
        });
    }
}
