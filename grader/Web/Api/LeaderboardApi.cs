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
        var api = routes.MapGroup("/api/leaderboard/{assignment}").RequireAuthorization();
        api.MapGet("", ShowAsync);
        api.MapPost("/submissions", UploadAsync);
        return routes;
    }

    internal static async Task<Ok<Board>> ShowAsync(string assignment, bool? @private, IBoards boards, CancellationToken cancellation) =>
        TypedResults.Ok(await boards.ShowAsync(assignment, @private ?? false, cancellation));

    internal static async Task<Results<Created<SubmissionReceipt>, Ok<SubmissionReceipt>, UnprocessableEntity<SubmissionReceipt>>>
        UploadAsync(string assignment, string? team, HttpContext context, PredictionUpload upload, CancellationToken cancellation)
    {
        PredictionUpload.AcceptFullSizeFiles(context);
        var receipt = await upload.SubmitAsync(assignment, context.User, team, context.Request.Body,
            context.Request.Headers["Idempotency-Key"].FirstOrDefault(), cancellation);
        var location = $"/api/leaderboard/{Uri.EscapeDataString(assignment)}";
        return receipt switch
        {
            { Status: SubmissionStatus.Invalid } => TypedResults.UnprocessableEntity(receipt),
            { Repeated: true } => TypedResults.Ok(receipt),
            _ => TypedResults.Created(location, receipt),
        };
    }
}
