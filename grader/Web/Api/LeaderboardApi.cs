using System.Security.Claims;
using Course.Grader.Web.Auth;
using Course.Grader.Web.Uploads;
using Course.Leaderboard.Boards;
using Course.Leaderboard.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Api;

/// <summary>
/// <c>/api/leaderboard/{assignment}</c>: the board (public until the competition is finalized), and
/// uploads of predictions (the body is the CSV). A student uploads for their own team; staff name the team.
/// </summary>
internal static class LeaderboardApi
{
    public static IEndpointRouteBuilder MapLeaderboardApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapApiGroup("/api/leaderboard/{assignment}", "Leaderboard");
        api.MapGet("", ShowAsync);
        api.MapPost("/submissions", UploadAsync)
            .Accepts<string>("text/csv")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(UploadRateLimit.Policy);
        api.MapPost("/finalize", FinalizeAsync).RequireAuthorization(Roles.InstructorPolicy);
        return routes;
    }

    internal static async Task<Ok<Board>> ShowAsync(string assignment, bool? @private, IBoards boards, CancellationToken cancellation) =>
        TypedResults.Ok(await boards.ShowAsync(assignment, @private ?? false, cancellation));

    /// <summary>Closes the competition after its deadline (as <c>grader leaderboard finalize</c>) and answers the private board.</summary>
    internal static async Task<Ok<Board>> FinalizeAsync(string assignment, ClaimsPrincipal user, IBoards boards, StaffAudit audit,
        CancellationToken cancellation)
    {
        var board = await boards.FinalizeAsync(assignment, cancellation);
        audit.Record(user, "board finalized", assignment);
        return TypedResults.Ok(board);
    }

    internal static async Task<Results<Created<SubmissionReceipt>, Ok<SubmissionReceipt>, UnprocessableEntity<SubmissionReceipt>>>
        UploadAsync(string assignment, string? team, HttpContext context, PredictionUpload upload, CancellationToken cancellation)
    {
        var ticket = await upload.CheckAsync(assignment, context.User, team, context.Request.Headers["Idempotency-Key"].FirstOrDefault(),
            cancellation);
        if (ticket.Earlier is { } earlier)
        {
            // A repeated key is answered before the body is read: nothing is stored twice.
            return Answer(assignment, earlier);
        }

        PredictionUpload.AcceptFullSizeFiles(context);
        using var stored = await upload.StoreAsync(ticket, context.Request.Body, cancellation);
        return Answer(assignment, await upload.SubmitAsync(ticket, stored, cancellation));
    }

    private static Results<Created<SubmissionReceipt>, Ok<SubmissionReceipt>, UnprocessableEntity<SubmissionReceipt>> Answer(
        string assignment, SubmissionReceipt receipt) => receipt switch
    {
        { Status: SubmissionStatus.Invalid } => TypedResults.UnprocessableEntity(receipt),
        { Repeated: true } => TypedResults.Ok(receipt),
        _ => TypedResults.Created($"/api/leaderboard/{Uri.EscapeDataString(assignment)}", receipt),
    };
}
