using System.Globalization;
using Course.Core.Errors;
using Course.Grader.Web.Uploads;
using Course.Leaderboard.Submissions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Course.Grader.Web.Pages;

/// <summary>
/// <c>POST /leaderboard/{assignment}/upload</c>: the board page's upload form, read as a stream (Uploads/UploadForm),
/// answered with the board and what the upload said.
/// </summary>
internal static class LeaderboardUpload
{
    public const string FileField = "predictions";

    public static IEndpointRouteBuilder MapLeaderboardUpload(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/leaderboard/{assignment}/upload", UploadAsync)
            .RequireAuthorization()
            .RequireRateLimiting(UploadRateLimit.Policy);
        return routes;
    }

    private static async Task<RazorComponentResult<LeaderboardPage>> UploadAsync(string assignment, HttpContext context,
        PredictionUpload upload, IOptions<FormOptions> formLimits)
    {
        var cancellation = context.RequestAborted;
        try
        {
            var form = await UploadForm.ReadUntilFileAsync(context.Request, FileField, formLimits.Value, cancellation);
            if (!await PageForms.IsValidAsync(context, form.Fields))
            {
                return Board(assignment, PageMessage.Error("The form expired; please upload again."), StatusCodes.Status400BadRequest);
            }

            if (form.FileName is not { Length: > 0 })
            {
                throw new BadInputException("Choose a predictions file (CSV) to upload.");
            }

            var ticket = await upload.CheckAsync(assignment, context.User, form.Fields["team"].ToString(), idempotencyKey: null, cancellation);
            PredictionUpload.AcceptFullSizeFiles(context);
            using var stored = await upload.StoreAsync(ticket, form.File, cancellation);
            await form.EnsureEndAsync(cancellation);
            if (stored.Length == 0)
            {
                throw new BadInputException("Choose a predictions file (CSV) to upload: this one is empty.");
            }

            var receipt = await upload.SubmitAsync(ticket, stored, cancellation);
            return Board(assignment, receipt.Status == SubmissionStatus.Scored
                ? PageMessage.Notice($"Submission {receipt.Id}: public score {receipt.PublicScore?.ToString("0.#####", CultureInfo.InvariantCulture)}.")
                : PageMessage.Error($"Submission {receipt.Id} was not scored: {receipt.Error}"));
        }
        catch (CourseException error)
        {
            return Board(assignment, PageMessage.Error(error.Message), error.HttpStatus);
        }
    }

    private static RazorComponentResult<LeaderboardPage> Board(string assignment, PageMessage message, int status = StatusCodes.Status200OK) =>
        new(new { Assignment = assignment, Message = message }) { StatusCode = status };
}
