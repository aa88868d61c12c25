using System.Globalization;
using Course.Assignments.Courses;
using Course.Core.Errors;
using Course.Grader.Grades;
using Course.Grader.Web.Api;
using Course.Grader.Web.Auth;
using Course.Grader.Web.Instructor;
using Course.Leaderboard.Boards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Pages.InstructorConsole;

/// <summary>
/// The console's forms (instructors only, each checking its antiforgery token and answering with its page) and the grade
/// book's downloads. Each action is the one its <c>/api</c> route runs, logged with its actor (<see cref="StaffAudit"/>).
/// </summary>
internal static class ConsoleActions
{
    public static IEndpointRouteBuilder MapConsoleActions(this IEndpointRouteBuilder routes)
    {
        var console = routes.MapGroup("/console").RequireAuthorization(Roles.InstructorPolicy);
        console.MapPost("/leaderboard/{assignment}/finalize", (string assignment, HttpContext context, IBoards boards, StaffAudit audit) =>
            FormAction.RunAsync<ConsolePage>(context, async (_, _) =>
            {
                await LeaderboardApi.FinalizeAsync(assignment, context.User, boards, audit, context.RequestAborted);
                return PageMessage.Notice($"{assignment} is closed and finalized: its private board and shake-up are on its leaderboard page.");
            })).WithPageOrder();
        console.MapPost("/credits/import", (HttpContext context, CreditsConsole credits) =>
            FormAction.RunAsync<ConsoleCreditsPage>(context, async (_, form) =>
            {
                var file = form.Files["codes"] ?? throw new BadInputException("codes: choose a file of codes (CSV) to import");
                await using var content = file.OpenReadStream();
                var report = await credits.ImportAsync(context.User, content, file.FileName, form["provider"], form["value"], form["expires"],
                    context.RequestAborted);
                return PageMessage.Notice($"Imported {report.Imported} {report.Provider} code(s) of {Amount(report.Value)} (batch {report.Batch}).");
            })).WithPageOrder();
        console.MapPost("/credits/issue", (HttpContext context, CreditsConsole credits) =>
            FormAction.RunAsync<ConsoleCreditsPage>(context, async (_, form) =>
            {
                var report = await credits.RunPolicyAsync(context.User, form["policy"], context.RequestAborted);
                var text = $"Policy {form["policy"]}: {report.Issued} issued, {report.AlreadyIssued} already issued, {report.NoneLeft} none left."
                           + string.Concat(report.Results.Where(r => r.Outcome != Course.Credits.Issuing.IssueOutcome.AlreadyIssued).Select(r => "\n" + r.Describe()));
                return report.NoneLeft > 0 ? PageMessage.Error(text) : PageMessage.Notice(text);
            })).WithPageOrder();
        console.MapPost("/credits/{codeId}/replace", (string codeId, HttpContext context, CreditsConsole credits) =>
            FormAction.RunAsync<ConsoleCreditsPage>(context, async (_, form) =>
                PageMessage.Notice((await credits.ReplaceAsync(context.User, codeId, form["reason"], context.RequestAborted)).Describe())))
            .WithPageOrder();
        console.MapPost("/credits/spend", (HttpContext context, CreditsConsole credits) =>
            FormAction.RunAsync<ConsoleCreditsPage>(context, async (_, form) =>
            {
                var file = form.Files["billing"] ?? throw new BadInputException("billing: choose a billing report (CSV) to import");
                await using var content = file.OpenReadStream();
                var report = await credits.ImportSpendAsync(context.User, content, file.FileName, context.RequestAborted);
                return PageMessage.Notice($"Spend of {report.Students} student(s), {Amount(report.Total)} in all; {report.Reminders} reminder(s) queued."
                                          + string.Concat(report.Warnings.Select(w => "\n" + w)));
            })).WithPageOrder();
        console.MapPost("/tokens", (HttpContext context, TokenIssuer issuer, StaffAudit audit) =>
            FormAction.RunAsync<ConsoleTokensPage>(context, async (_, form) =>
            {
                var body = new TokenRequestBody(form["login"], string.IsNullOrWhiteSpace(form["expires"]) ? null : form["expires"].ToString());
                var issued = (await TokensApi.IssueAsync(body, context.User, issuer, audit, context.RequestAborted)).Value!;
                return PageMessage.Notice($"Token {issued.Id} of {issued.Login}, until {issued.ExpiresAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: {issued.Token} (shown this once).");
            })).WithPageOrder();
        console.MapPost("/tokens/{id}/revoke", (string id, HttpContext context, TokenRegistry registry, StaffAudit audit) =>
            FormAction.RunAsync<ConsoleTokensPage>(context, async (_, _) =>
            {
                var answer = (await TokensApi.RevokeAsync(id, context.User, registry, audit, context.RequestAborted)).Value!;
                return PageMessage.Notice(answer.Revoked ? $"Token {answer.Id} of {answer.Login} is revoked." : $"Token {answer.Id} was already revoked.");
            })).WithPageOrder();
        console.MapGet("/grades/export", ExportAsync);
        return routes;
    }

    /// <summary>The grade book as <c>grader grades export --format csv|canvas</c> writes it, as a download.</summary>
    private static async Task<FileContentHttpResult> ExportAsync(string? format, Gradebook gradebook, ICourseProvider course,
        CancellationToken cancellation)
    {
        var chosen = format ?? "csv";
        if (chosen is not ("csv" or "canvas"))
        {
            throw new BadInputException($"format: '{format}' is not csv or canvas");
        }

        var text = GradebookExport.Render(await gradebook.ComputeAsync(cancellation), course.Course.Assignments, chosen);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), "text/csv", $"gradebook-{chosen}.csv");
    }

    private static string Amount(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
