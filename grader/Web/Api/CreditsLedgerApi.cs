using System.Security.Claims;
using Course.Credits.Import;
using Course.Credits.Issuing;
using Course.Credits.Spend;
using Course.Credits.Staff;
using Course.Credits.Status;
using Course.Grader.Web.Auth;
using Course.Grader.Web.Instructor;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Api;

/// <summary>
/// <c>/api/credits/ledger</c>, instructors only: the ledger at one look (code ids, never codes), an import of a file of
/// codes (the body; every bad line named, nothing imported then), a policy run, a code replaced, a billing report imported.
/// The same as <c>grader credits status|import|issue --policy|replace|spend</c> and the console's credits page.
/// </summary>
internal static class CreditsLedgerApi
{
    public static IEndpointRouteBuilder MapCreditsLedgerApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapApiGroup("/api/credits/ledger", "Credits").RequireAuthorization(Roles.InstructorPolicy);
        api.MapGet("", StatusAsync);
        api.MapPost("/import", ImportAsync).Accepts<string>("text/csv").ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapPost("/policies/{policy}/issue", IssueAsync);
        api.MapPost("/{codeId}/replace", ReplaceAsync);
        api.MapPost("/spend", SpendAsync).Accepts<string>("text/csv").ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    private static async Task<Ok<CreditsStatus>> StatusAsync(ICreditAdmin admin, CancellationToken cancellation) =>
        TypedResults.Ok(await admin.StatusAsync(cancellation));

    /// <param name="provider">The codes' provider, e.g. aws.</param>
    /// <param name="value">The value of each code.</param>
    /// <param name="expires">Expiry of rows without their own (yyyy-MM-dd, the course's time zone).</param>
    /// <param name="file">The file's name, used in the line errors (default upload.csv).</param>
    private static async Task<Created<ImportReport>> ImportAsync(string provider, string value, string? expires, string? file,
        HttpContext context, CreditsConsole credits) =>
        TypedResults.Created("/api/credits/ledger", await credits.ImportAsync(context.User, context.Request.Body, file, provider, value, expires,
            context.RequestAborted));

    private static async Task<Ok<IssueReport>> IssueAsync(string policy, ClaimsPrincipal user, CreditsConsole credits,
        CancellationToken cancellation) =>
        TypedResults.Ok(await credits.RunPolicyAsync(user, policy, cancellation));

    private static async Task<Ok<IssueResult>> ReplaceAsync(string codeId, ReplaceBody body, ClaimsPrincipal user, CreditsConsole credits,
        CancellationToken cancellation) =>
        TypedResults.Ok(await credits.ReplaceAsync(user, codeId, body.Reason, cancellation));

    /// <param name="file">The file's name, used in the line errors (default upload.csv).</param>
    private static async Task<Ok<SpendReport>> SpendAsync(string? file, HttpContext context, CreditsConsole credits) =>
        TypedResults.Ok(await credits.ImportSpendAsync(context.User, context.Request.Body, file, context.RequestAborted));
}

/// <param name="Reason">Why the code is replaced (kept in the ledger's audit).</param>
internal sealed record ReplaceBody(string? Reason);
