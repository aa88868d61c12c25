using System.Security.Claims;
using Course.Leaderboard.Submissions;

namespace Course.Grader.Web.Uploads;

/// <summary>An upload that passed the checks that need no file (<see cref="PredictionUpload.CheckAsync"/>).</summary>
/// <param name="Uploader">The team, or the student whose login stands for it.</param>
/// <param name="Id">Names the stored file.</param>
/// <param name="User">Who uploads: a student for their team, or staff for the team they named (audited).</param>
/// <param name="Earlier">The submission recorded before under the same idempotency key: the answer, and nothing is read or stored.</param>
internal sealed record UploadTicket(string Assignment, string Uploader, ClaimsPrincipal User, string Id, string IdempotencyKey,
    SubmissionReceipt? Earlier);
