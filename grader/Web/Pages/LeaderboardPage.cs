using System.Globalization;
using System.Text;
using Course.Core.Errors;
using Course.Grader.Web.Auth;
using Course.Grader.Web.Uploads;
using Course.Leaderboard.Boards;
using Course.Leaderboard.Submissions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Course.Grader.Web.Pages;

/// <summary>
/// <c>/leaderboard/{assignment}</c>: the board anyone may read (team names and scores, as on Kaggle;
/// members only to signed-in users), the private board with the shake-up once finalized, and an
/// upload form for signed-in users.
/// </summary>
internal static class LeaderboardPage
{
    private const string FileField = "predictions";

    public static IEndpointRouteBuilder MapLeaderboardPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/leaderboard/{assignment}", (string assignment, HttpContext context, IBoards boards, ILeaderboard leaderboard) =>
            Html.OrProblemAsync(context, () => ShowAsync(assignment, context, boards, leaderboard, notice: null)));
        routes.MapPost("/leaderboard/{assignment}/upload",
                (string assignment, HttpContext context, IBoards boards, ILeaderboard leaderboard, PredictionUpload upload,
                        IOptions<FormOptions> formLimits) =>
                    Html.OrProblemAsync(context, () => UploadAsync(assignment, context, boards, leaderboard, upload, formLimits)))
            .RequireAuthorization()
            .RequireRateLimiting(UploadRateLimit.Policy);
        return routes;
    }

    private static async Task<IResult> ShowAsync(string assignment, HttpContext context, IBoards boards, ILeaderboard leaderboard,
        string? notice, int status = StatusCodes.Status200OK)
    {
        var cancellation = context.RequestAborted;
        var board = await FinalOrPublicAsync(boards, assignment, cancellation);
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        var body = new StringBuilder(notice ?? "");
        body.Append(CultureInfo.InvariantCulture,
            $"""<p>Metric: <strong>{Html.Text(board.Metric)}</strong> · deadline {board.Deadline:yyyy-MM-dd HH:mm zzz} · """);
        body.Append(board.Private
            ? "final standings on the <strong>private</strong> part of the test set; shake-up = places gained since the public board.</p>"
            : "scores on the <strong>public</strong> part of the test set; the private board appears when the competition is finalized.</p>");
        body.Append(Table(board, signedIn));
        if (signedIn && !board.Finalized)
        {
            body.Append(await UploadFormAsync(context, assignment, leaderboard, cancellation));
        }

        return Html.Page(context, $"{assignment} leaderboard", body.ToString(), status);
    }

    private static async Task<IResult> UploadAsync(string assignment, HttpContext context, IBoards boards, ILeaderboard leaderboard,
        PredictionUpload upload, IOptions<FormOptions> formLimits)
    {
        var cancellation = context.RequestAborted;
        try
        {
            var form = await UploadForm.ReadUntilFileAsync(context.Request, FileField, formLimits.Value, cancellation);
            if (!await Antiforgery.IsValidAsync(context, form.Fields))
            {
                return await ShowAsync(assignment, context, boards, leaderboard, Problem("The form expired; please upload again."),
                    StatusCodes.Status400BadRequest);
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
            var notice = receipt.Status == SubmissionStatus.Scored
                ? $"""<p class="notice">Submission {Html.Text(receipt.Id)}: public score <strong>{receipt.PublicScore?.ToString("0.#####", CultureInfo.InvariantCulture)}</strong>.</p>"""
                : Problem($"Submission {receipt.Id} was not scored: {receipt.Error}");
            return await ShowAsync(assignment, context, boards, leaderboard, notice);
        }
        catch (CourseException error)
        {
            return await ShowAsync(assignment, context, boards, leaderboard, Problem(error.Message), error.HttpStatus);
        }
    }

    private static async Task<Board> FinalOrPublicAsync(IBoards boards, string assignment, CancellationToken cancellation) =>
        await boards.ShowAsync(assignment, privateBoard: await boards.IsFinalizedAsync(assignment, cancellation), cancellation);

    private static string Table(Board board, bool withMembers)
    {
        if (board.Rows.Count == 0)
        {
            return """<p class="muted">No scored submissions yet.</p>""";
        }

        var text = new StringBuilder("<table><tr><th class=\"number\">#</th><th>Team</th>");
        text.Append(withMembers ? "<th>Members</th>" : "");
        text.Append("<th class=\"number\">Score</th><th class=\"number\">Entries</th><th>Counting submission</th>");
        text.Append(board.Private ? "<th class=\"number\">Public #</th><th class=\"number\">Shake-up</th></tr>" : "</tr>");
        foreach (var row in board.Rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"number\">{row.Rank}</td><td>{Html.Text(row.Team)}</td>");
            text.Append(withMembers ? $"<td>{Html.Text(string.Join(", ", row.Members))}</td>" : "");
            text.Append(CultureInfo.InvariantCulture,
                $"<td class=\"number\">{row.Score:0.00000}</td><td class=\"number\">{row.Entries}</td><td>{row.SubmittedAt:yyyy-MM-dd HH:mm} UTC</td>");
            if (board.Private)
            {
                text.Append(CultureInfo.InvariantCulture, $"<td class=\"number\">{row.PublicRank?.ToString(CultureInfo.InvariantCulture) ?? "–"}</td>{Shakeup(row.Shakeup)}");
            }

            text.Append("</tr>");
        }

        return text.Append("</table>").ToString();
    }

    private static string Shakeup(int? places) => places switch
    {
        > 0 => $"<td class=\"number up\">▲ {places}</td>",
        < 0 => $"<td class=\"number down\">▼ {-places}</td>",
        0 => "<td class=\"number muted\">=</td>",
        _ => "<td class=\"number muted\">–</td>",
    };

    private static async Task<string> UploadFormAsync(HttpContext context, string assignment, ILeaderboard leaderboard, CancellationToken cancellation)
    {
        var student = context.User.IsInRole(Roles.Student);
        var remaining = student
            ? $"<p>Submissions left today: <strong>{await leaderboard.RemainingTodayAsync(assignment, context.User.Identity!.Name!, cancellation)}</strong>.</p>"
            : "";
        var team = student ? "" : """<label>Team <input name="team" required></label> """;
        return $"""
            <h2>Upload predictions</h2>
            {remaining}
            <form method="post" action="/leaderboard/{Uri.EscapeDataString(assignment)}/upload" enctype="multipart/form-data">
            {Antiforgery.Field(context)}
            {team}<input type="file" name="{FileField}" accept=".csv,text/csv" required>
            <button>Submit</button>
            </form>
            """;
    }

    private static string Problem(string message) => $"""<p class="error">{Html.Text(message)}</p>""";
}
