using Course.Assignments.Courses;
using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Leaderboard.Scoring.Csv;
using Course.Leaderboard.Submissions;

namespace Course.Grader.Web.Uploads;

/// <summary>
/// A predictions file sent over HTTP (the API's body or the page's form): kept under the grading
/// folder, so a disputed score can be checked against the very bytes scored, then put on the
/// leaderboard for the uploader (a student counts for their team) or, for staff, a named team.
/// </summary>
internal sealed class PredictionUpload(ILeaderboard leaderboard, ICourseProvider course, GradingPaths paths)
{
    public async Task<SubmissionReceipt> SubmitAsync(string assignment, string team, Stream content, string? idempotencyKey,
        CancellationToken cancellation)
    {
        // Nothing is stored for an assignment that is not a competition of this course (its id names a folder).
        if (course.Assignment(assignment).Competition is null)
        {
            throw new BadInputException($"assignment '{assignment}' is not a competition: it takes no predictions file");
        }

        var id = Guid.NewGuid().ToString("N");
        var path = paths.Upload(assignment, id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await SaveCappedAsync(content, path, CsvLimits.DefaultMaxFileBytes, cancellation);
        var key = idempotencyKey is { Length: > 0 } given ? $"upload/{team}/{given}" : $"upload/{id}";
        return await leaderboard.SubmitAsync(
            new SubmissionRequest(assignment, team, path, SubmissionSource.Upload, key), cancellation);
    }

    private static async Task SaveCappedAsync(Stream content, string path, long cap, CancellationToken cancellation)
    {
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellation)) > 0)
            {
                total += read;
                if (total > cap)
                {
                    throw new PayloadTooLargeException($"predictions file: more than the limit of {cap:N0} bytes");
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellation);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}

/// <summary>An upload over the size limit (HTTP 413).</summary>
internal sealed class PayloadTooLargeException(string message) : BadInputException(message)
{
    public override int HttpStatus => 413;
}
