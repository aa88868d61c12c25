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

    private static Task<RazorComponentResult<CreditsPage>> ActAsync(HttpContext context, Func<string, IFormCollection, Task<PageMessage>> action) =>
        FormAction.RunAsync<CreditsPage>(context, action);
}
