using System.Security.Claims;
using Course.Assignments.Courses;
using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Intake.Archives;
using Course.Grader.Web.Auth;
using Course.Leaderboard.Scoring.Csv;
using Course.Leaderboard.Submissions;
using Microsoft.AspNetCore.Http.Features;

namespace Course.Grader.Web.Uploads;

/// <summary>
/// A predictions file sent over HTTP (the API's body or the page's form): kept under the grading
/// folder, so a disputed score can be checked against the very bytes scored, then put on the
/// leaderboard for the uploader (a student counts for their team) or, for staff, a named team.
/// </summary>
internal sealed class PredictionUpload(ILeaderboard leaderboard, ICourseProvider course, GradingPaths paths)
{
    /// <summary>
    /// Lets this request carry a file up to the scorer's own limit, which decides: Kestrel's request
    /// cap (30 MB) and the form reader's (128 MB) are below it. Call before anything reads the body.
    /// </summary>
    public static void AcceptFullSizeFiles(HttpContext context)
    {
        context.Features.Set<IFormFeature>(new FormFeature(context.Request,
            new FormOptions { MultipartBodyLengthLimit = CsvLimits.DefaultMaxFileBytes }));
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }
    }

    /// <param name="team">The team staff upload for; ignored for a student, whose login stands for their team.</param>
    public async Task<SubmissionReceipt> SubmitAsync(string assignment, ClaimsPrincipal user, string? team, Stream content,
        string? idempotencyKey, CancellationToken cancellation)
    {
        var uploader = user.IsInRole(Roles.Student) ? user.Identity!.Name!
            : team is { Length: > 0 } ? team
            : throw new BadInputException("staff uploads name the team: ?team=NAME (the page's Team field)");

        // Nothing is stored for an assignment that is not a competition of this course (its id names a folder).
        if (course.Assignment(assignment).Competition is null)
        {
            throw new BadInputException($"assignment '{assignment}' is not a competition: it takes no predictions file");
        }

        var id = Guid.NewGuid().ToString("N");
        var path = paths.Upload(assignment, id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await CappedCopy.CopyAsync(content, file, CsvLimits.DefaultMaxFileBytes,
                () => new PayloadTooLargeException($"predictions file: more than the limit of {CsvLimits.DefaultMaxFileBytes:N0} bytes"),
                cancellation);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        var key = idempotencyKey is { Length: > 0 } given ? $"upload/{uploader}/{given}" : $"upload/{id}";
        return await leaderboard.SubmitAsync(new SubmissionRequest(assignment, uploader, path, SubmissionSource.Upload, key), cancellation);
    }
}

/// <summary>An upload over the size limit (HTTP 413).</summary>
internal sealed class PayloadTooLargeException(string message) : BadInputException(message)
{
    public override int HttpStatus => 413;
}
