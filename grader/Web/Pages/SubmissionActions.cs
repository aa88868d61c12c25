using Course.Core.Errors;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Course.Assignments.Roster;
using Course.Grader.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Pages;

/// <summary>
/// The submission page's submit form (<c>POST /submissions/{id}/submit</c>): queues the commit's graded full run and
/// shows the page again, or the page with why it was refused (the smoke run failed, the GPU budget).
/// </summary>
internal static class SubmissionActions
{
    public static IEndpointRouteBuilder MapSubmissionActions(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/submissions/{id:guid}/submit", SubmitAsync).RequireAuthorization().WithPageOrder();
        return routes;
    }

    private static async Task<IResult> SubmitAsync(Guid id, HttpContext context, GraderDbContext grader, IRoster roster, GradeRequests requests)
    {
        if (!await PageForms.IsValidAsync(context))
        {
            return Page(id, PageMessage.Error("The form expired; please try again."), StatusCodes.Status400BadRequest);
        }

        // Someone else's submission is answered as a missing one, as the page does, so ids reveal nothing.
        var (submission, _) = await SubmissionsApi.FindVisibleAsync(id, context.User, grader, roster, context.RequestAborted);
        if (submission is null)
        {
            return Page(id, null, StatusCodes.Status404NotFound);
        }

        try
        {
            await requests.RequestAsync(submission.Assignment, submission.Owner, submission.Commit, JobTier.Full, context.RequestAborted);
        }
        catch (BadInputException refused)
        {
            return Page(id, PageMessage.Error(refused.Message), StatusCodes.Status400BadRequest);
        }

        return TypedResults.Redirect($"/submissions/{id}");
    }

    private static RazorComponentResult<SubmissionPage> Page(Guid id, PageMessage? message, int status) =>
        new(new { Id = id, Message = message }) { StatusCode = status };
}
