using System.Security.Claims;
using System.Text.Json;
using Course.Core.Errors;
using Course.Credits.Issuing;
using Course.Credits.Students;
using Course.Grader.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Api;

/// <summary>
/// <c>/api/credits</c>: a student's compute credits (which codes they hold, whether each was e-mailed, and
/// the on-request policies they can still use), asking for a code, and saying a code worked or won't
/// redeem. Staff read any student's with <c>?student=</c>; the actions are the holder's own.
/// </summary>
internal static class CreditsApi
{
    public static IEndpointRouteBuilder MapCreditsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapApiGroup("/api/credits", "Credits");
        api.MapGet("", ShowAsync);
        var own = api.MapGroup("").RequireAuthorization(Roles.StudentPolicy);
        own.MapPost("/requests", RequestAsync);
        own.MapPost("/{codeId}/redeemed", RedeemedAsync);
        own.MapPost("/{codeId}/problem", ProblemAsync);
        return routes;
    }

    internal static async Task<Results<Ok<StudentCredits>, ForbidHttpResult>> ShowAsync(string? student, ClaimsPrincipal user,
        IStudentCredits credits, CancellationToken cancellation)
    {
        var login = WhoseCredits(user, student);
        return login is null ? TypedResults.Forbid() : TypedResults.Ok(await credits.ShowAsync(login, cancellation));
    }

    internal static async Task<Results<Created<CreditRequestAnswer>, Ok<CreditRequestAnswer>, Conflict<CreditRequestAnswer>>> RequestAsync(
        CreditRequestBody body, ClaimsPrincipal user, ICreditRequests requests, CancellationToken cancellation)
    {
        var policy = string.IsNullOrWhiteSpace(body.Policy) ? throw new BadInputException("policy: name the credits policy to request") : body.Policy;
        var result = await requests.RequestAsync(user.Identity!.Name!, policy, cancellation);
        var answer = CreditRequestAnswer.Of(result);
        return result.Outcome switch
        {
            IssueOutcome.Issued => TypedResults.Created("/api/credits", answer),
            IssueOutcome.AlreadyIssued => TypedResults.Ok(answer),
            _ => TypedResults.Conflict(answer),
        };
    }

    internal static async Task<NoContent> RedeemedAsync(string codeId, ClaimsPrincipal user, IStudentCredits credits, CancellationToken cancellation)
    {
        await credits.ConfirmRedeemedAsync(user.Identity!.Name!, codeId, cancellation);
        return TypedResults.NoContent();
    }

    internal static async Task<NoContent> ProblemAsync(string codeId, ProblemReportBody body, ClaimsPrincipal user, IStudentCredits credits,
        CancellationToken cancellation)
    {
        await credits.ReportProblemAsync(user.Identity!.Name!, codeId, body.Reason ?? "", cancellation);
        return TypedResults.NoContent();
    }

    /// <summary>A student reads their own credits; staff name the student. Null: not allowed.</summary>
    internal static string? WhoseCredits(ClaimsPrincipal user, string? student) => StudentScope.Login(user, student, "credits");
}

internal sealed record CreditRequestBody(string? Policy);

internal sealed record ProblemReportBody(string? Reason);

/// <summary>What a student is told after asking for a code.</summary>
/// <param name="Outcome">issued, alreadyIssued, noneLeft or allowanceUsed.</param>
internal sealed record CreditRequestAnswer(string Outcome, string Provider, double Value, string? CodeId, string Message)
{
    public static CreditRequestAnswer Of(IssueResult result) => new(JsonNamingPolicy.CamelCase.ConvertName(result.Outcome.ToString()), result.Provider, result.Value, result.CodeId,
        result.Outcome switch
        {
            IssueOutcome.Issued => $"A {result.Provider} code worth {result.Value} (code id {result.CodeId}) is yours; it is on its way by e-mail.",
            IssueOutcome.AlreadyIssued => $"You already have this {result.Provider} code worth {result.Value} (code id {result.CodeId}).",
            IssueOutcome.NoneLeft => $"No {result.Provider} code worth {result.Value} is left right now; the staff have to import more. Try again later.",
            _ => "You have already requested as many codes of this policy as it allows.",
        });
}
