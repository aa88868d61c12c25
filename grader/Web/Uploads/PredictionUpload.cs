using System.Security.Claims;
using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Intake.Archives;
using Course.Grader.Storage;
using Course.Grader.Web.Auth;
using Course.Leaderboard.Scoring.Csv;
using Course.Leaderboard.Submissions;
using Microsoft.AspNetCore.Http.Features;
using GraderDbContext = Course.Grader.Submissions.GraderDbContext;

namespace Course.Grader.Web.Uploads;

/// <summary>
/// A predictions file sent over HTTP (the API's body or the page's form), in three steps so that a
/// refused upload leaves nothing behind: <see cref="CheckAsync"/> asks the leaderboard before the
/// body is read; <see cref="StoreAsync"/> writes the file into scratch space for scoring; <see cref="SubmitAsync"/>
/// puts it on the leaderboard for the uploader (a student counts for their team) or, for staff, a named team, and
/// keeps a recorded file in the store (a disputed score can be checked against the very bytes scored).
/// </summary>
internal sealed class PredictionUpload(ILeaderboard leaderboard, GradingPaths paths, IBlobStore store, GraderDbContext db, TimeProvider time,
    StaffAudit audit)
{
    /// <summary>
    /// Lets this request carry a file up to the scorer's own limit, which decides: Kestrel's request
    /// cap (30 MB) is below it. Call once the upload passed its checks: a refused one keeps the cap
    /// while the server discards its body.
    /// </summary>
    public static void AcceptFullSizeFiles(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }
    }

    /// <summary>
    /// Every check that needs no file: who uploads for which team, and the leaderboard's rules (a
    /// competition, a known team, open, submissions left today, the key not used before).
    /// </summary>
    /// <param name="team">The team staff upload for; ignored for a student, whose login stands for their team.</param>
    public async Task<UploadTicket> CheckAsync(string assignment, ClaimsPrincipal user, string? team, string? idempotencyKey,
        CancellationToken cancellation)
    {
        var uploader = user.IsInRole(Roles.Student) ? user.Identity!.Name!
            : team is { Length: > 0 } ? team
            : throw new BadInputException("staff uploads name the team: ?team=NAME (the page's Team field)");
        var id = Guid.NewGuid().ToString("N");
        var key = idempotencyKey is { Length: > 0 } given ? $"upload/{uploader}/{given}" : $"upload/{id}";
        var earlier = await leaderboard.CheckCanSubmitAsync(assignment, uploader, key, cancellation);
        return new UploadTicket(assignment, uploader, user, id, key, earlier);
    }

    /// <summary>Copies the file into scratch space, failing (and keeping nothing) past the scorer's size limit.</summary>
    public async Task<StoredUpload> StoreAsync(UploadTicket ticket, Stream content, CancellationToken cancellation)
    {
        var folder = paths.Staging();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "predictions.csv");
        var stored = new StoredUpload(path);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await CappedCopy.CopyAsync(content, file, CsvLimits.DefaultMaxFileBytes,
                () => new PayloadTooLargeException($"predictions file: more than the limit of {CsvLimits.DefaultMaxFileBytes:N0} bytes"),
                cancellation);
            return stored;
        }
        catch
        {
            stored.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Scores and records the file. The leaderboard checks its rules again: when it refuses now (another upload
    /// took the last submission of the day, the key was recorded meanwhile), nothing is kept; a recorded upload goes
    /// into the store. The scratch copy is deleted when <paramref name="stored"/> is disposed.
    /// </summary>
    public async Task<SubmissionReceipt> SubmitAsync(UploadTicket ticket, StoredUpload stored, CancellationToken cancellation)
    {
        var receipt = await leaderboard.SubmitAsync(
            new SubmissionRequest(ticket.Assignment, ticket.Uploader, stored.Path, SubmissionSource.Upload, ticket.IdempotencyKey), cancellation);
        if (!receipt.Repeated)
        {
            db.Uploads.Add(new KeptUpload
            {
                Id = ticket.Id,
                Assignment = ticket.Assignment,
                Uploader = ticket.Uploader,
                Key = await store.PutFileAsync(stored.Path, cancellation),
                ReceivedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellation);
            if (!ticket.User.IsInRole(Roles.Student))
            {
                audit.Record(ticket.User, "predictions uploaded for a team", $"{ticket.Assignment} team {ticket.Uploader}: submission {receipt.Id}");
            }
        }

        return receipt;
    }
}
