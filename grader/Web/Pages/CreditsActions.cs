using Course.Core.Errors;
using Course.Credits.Issuing;
using Course.Credits.Students;
using Course.Grader.Web.Api;
using Course.Grader.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Pages;

/// <summary>The credits page's forms (a student's own codes): ask for a code, say it worked, say it won't redeem.</summary>
internal static class CreditsActions
{
    public static IEndpointRouteBuilder MapCreditsActions(this IEndpointRouteBuilder routes)
    {
        var own = routes.MapGroup("/credits").RequireAuthorization(Roles.StudentPolicy);
        own.MapPost("/request", (HttpContext context, ICreditRequests requests) =>
            ActAsync(context, async (login, form) =>
            {
                var answer = CreditRequestAnswer.Of(await requests.RequestAsync(login, form["policy"].ToString(), context.RequestAborted));
                return answer.Outcome is "issued" or "alreadyIssued" ? PageMessage.Notice(answer.Message) : PageMessage.Error(answer.Message);
            }));
        own.MapPost("/{codeId}/redeemed", (string codeId, HttpContext context, IStudentCredits credits) =>
            ActAsync(context, async (login, _) =>
            {
                await credits.ConfirmRedeemedAsync(login, codeId, context.RequestAborted);
                return PageMessage.Notice($"Thank you: code {codeId} is marked as redeemed.");
            }));
        own.MapPost("/{codeId}/problem", (string codeId, HttpContext context, IStudentCredits credits) =>
            ActAsync(context, async (login, form) =>
            {
                await credits.ReportProblemAsync(login, codeId, form["reason"].ToString(), context.RequestAborted);
                return PageMessage.Notice($"Reported: the staff get your report on code {codeId} by e-mail and will replace the code.");
            }));
        return routes;
    }

    /// <summary>Checks the form's antiforgery token, runs the action and shows the page again with what it said (or why it could not).</summary>
    private static async Task<RazorComponentResult<CreditsPage>> ActAsync(HttpContext context,
        Func<string, IFormCollection, Task<PageMessage>> action)
    {
        if (!await PageForms.IsValidAsync(context))
        {
            return Page(PageMessage.Error("The form expired; please try again."), StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        try
        {
            return Page(await action(context.User.Identity!.Name!, form));
        }
        catch (CourseException error)
        {
            return Page(PageMessage.Error(error.Message), error.HttpStatus);
        }
    }

    private static RazorComponentResult<CreditsPage> Page(PageMessage message, int status = StatusCodes.Status200OK) =>
        new(new { Message = message }) { StatusCode = status };
}
