using System.Security.Claims;
using Course.Assignments.Roster;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Storage;
using Course.Grader.Submissions;
using Course.Grader.Web.Auth;
using Course.Grader.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Web.Api;

/// <summary>
/// <c>/api/...</c>: who am I, submissions with their grading results, received pushes. A student sees
/// only their own and their teams' submissions; TAs and instructors see the course.
/// </summary>
internal static class SubmissionsApi
{
    public static IEndpointRouteBuilder MapSubmissionsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapApiGroup("/api", "Submissions");
        api.MapGet("/me", Me);
        api.MapGet("/submissions", ListSubmissionsAsync);
        api.MapGet("/submissions/{id:guid}/feedback", FeedbackAsync).Produces<string>(StatusCodes.Status200OK, "text/markdown");
        api.MapPost("/submissions/{id:guid}/submit", SubmitAsync);
        api.MapGet("/submissions/{id:guid}/queue", QueueAsync);
        api.MapGet("/pushes", ListPushesAsync).RequireAuthorization(Roles.StaffPolicy);
        return routes;
    }

    internal static Ok<MeResponse> Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new MeResponse(user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role)!));

    internal static async Task<Results<Ok<List<SubmissionResponse>>, ForbidHttpResult>> ListSubmissionsAsync(ClaimsPrincipal user,
        GraderDbContext grader, IRoster roster, string? assignment, string? owner, CancellationToken cancellation)
    {
        var visible = await roster.VisibleWorkAsync(user.Identity!.Name!, cancellation);
        var mayAsk = owner is null || (assignment is null ? visible.IsEverything || visible.Owners.Contains(owner) : visible.Contains(assignment, owner));
        if (!mayAsk)
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(await QueryAsync(grader, visible, assignment, owner, cancellation));
    }

    /// <summary>
    /// Submissions the viewer may see, newest first, each with its latest grading result; staff (who see everything)
    /// also see each submission's staff flag.
    /// </summary>
    internal static async Task<List<SubmissionResponse>> QueryAsync(GraderDbContext grader, VisibleWork visible, string? assignment,
        string? owner, CancellationToken cancellation)
    {
        var query = grader.Submissions.AsNoTracking()
            .Where(s => (assignment == null || s.Assignment == assignment) && (owner == null || s.Owner == owner));
        if (!visible.IsEverything)
        {
            // The database narrows by owner name; the same name can be another team's on another assignment.
            var names = visible.Owners;
            query = query.Where(s => names.Contains(s.Owner));
        }

        var submissions = (await query.ToListAsync(cancellation)).Where(s => visible.Contains(s.Assignment, s.Owner)).ToList();
        var owners = submissions.Select(s => s.Owner).Distinct().ToList();
        var results = await grader.Results.AsNoTracking()
            .Where(r => (assignment == null || r.Assignment == assignment) && owners.Contains(r.Owner)).ToListAsync(cancellation);
        return submissions.OrderByDescending(s => s.ReceivedAt).Select(s =>
        {
            var result = results.Where(r => r.SubmissionId == s.Id).MaxBy(r => r.RecordedAt);
            return new SubmissionResponse(s.Id, s.Assignment, s.Owner, s.Repository, s.Commit, s.Source.ToString().ToLowerInvariant(),
                s.ReceivedAt, result?.Verdict.ToString(), result?.Score, result?.MaxScore, result?.LateDays, visible.IsEverything ? s.StaffFlag : null);
        }).ToList();
    }

    /// <summary>
    /// The submit action: queues the submission's full (graded) run, after its smoke run when the assignment has one.
    /// Refused (400, with the reason) when the smoke run failed or the run could pass the GPU budget (with the numbers).
    /// Only the student or a member of the team that owns it may submit it; anyone else finds nothing (404).
    /// </summary>
    internal static async Task<Results<Accepted<QueuedRunResponse>, ProblemHttpResult>> SubmitAsync(Guid id, ClaimsPrincipal user,
        GraderDbContext grader, IRoster roster, GradeRequests requests, QueueEstimate estimate, CancellationToken cancellation)
    {
        var (submission, _) = await FindVisibleAsync(id, user, grader, roster, cancellation);
        if (submission is null)
        {
            return NotYours();
        }

        var (job, _) = await requests.RequestAsync(submission.Assignment, submission.Owner, submission.Commit, JobTier.Full, cancellation);
        var places = await estimate.EstimateAsync(cancellation);
        return TypedResults.Accepted($"/api/submissions/{id}/queue", QueuedRunResponse.Of(job, places.GetValueOrDefault(job.Id)));
    }

    /// <summary>The submission's runs (smoke and full) with each queued one's place and expected result time.</summary>
    internal static async Task<Results<Ok<List<QueuedRunResponse>>, ProblemHttpResult>> QueueAsync(Guid id, ClaimsPrincipal user,
        GraderDbContext grader, IRoster roster, QueueEstimate estimate, CancellationToken cancellation)
    {
        var (submission, _) = await FindVisibleAsync(id, user, grader, roster, cancellation);
        return submission is null ? NotYours() : TypedResults.Ok(await RunsAsync(grader, estimate, id, cancellation));
    }

    private static ProblemHttpResult NotYours() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "no such submission, or it is not yours");

    /// <summary>The runs of submission <paramref name="id"/>, each queued one with its place (smoke first).</summary>
    internal static async Task<List<QueuedRunResponse>> RunsAsync(GraderDbContext grader, QueueEstimate estimate, Guid id,
        CancellationToken cancellation)
    {
        var jobs = await grader.Jobs.AsNoTracking().Where(j => j.SubmissionId == id).ToListAsync(cancellation);
        var places = jobs.Any(QueueEstimate.Waits)
            ? await estimate.EstimateAsync(cancellation)
            : new Dictionary<Guid, QueuePlace>();
        return jobs.OrderByDescending(j => j.Tier).Select(j => QueuedRunResponse.Of(j, places.GetValueOrDefault(j.Id))).ToList();
    }

    /// <summary>The Markdown feedback of the submission's latest result; another student's submission is not found, as a missing one.</summary>
    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> FeedbackAsync(Guid id, ClaimsPrincipal user, GraderDbContext grader,
        IRoster roster, IBlobStore store, CancellationToken cancellation)
    {
        var (_, result) = await FindVisibleAsync(id, user, grader, roster, cancellation);
        return result?.FeedbackKey is { } key && await store.ReadTextAsync(key, cancellation) is { } feedback
            ? TypedResults.Text(feedback, "text/markdown; charset=utf-8")
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "no feedback for this submission yet, or it is not yours");
    }

    /// <summary>
    /// A submission the user may see and its latest grading result (null before the first); both null when
    /// it does not exist or belongs to someone else, which callers answer alike (404) so ids reveal nothing.
    /// </summary>
    internal static async Task<(Submission? Submission, GradingResult? Result)> FindVisibleAsync(Guid id, ClaimsPrincipal user,
        GraderDbContext grader, IRoster roster, CancellationToken cancellation)
    {
        var submission = await grader.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellation);
        var visible = await roster.VisibleWorkAsync(user.Identity!.Name!, cancellation);
        if (submission is null || !visible.Contains(submission.Assignment, submission.Owner))
        {
            return (null, null);
        }

        var results = await grader.Results.AsNoTracking().Where(r => r.SubmissionId == id).ToListAsync(cancellation);
        return (submission, results.MaxBy(r => r.RecordedAt));
    }

    internal static async Task<Ok<List<PushResponse>>> ListPushesAsync(WebDbContext db, int? limit, CancellationToken cancellation)
    {
        var take = Math.Clamp(limit ?? 100, 1, 1000);
        var pushes = await db.Pushes.AsNoTracking().ToListAsync(cancellation);
        return TypedResults.Ok(pushes.OrderByDescending(p => p.ReceivedAt).Take(take)
            .Select(p => new PushResponse(p.Id, p.Repository, p.Commit, p.ReceivedAt, p.State.ToString().ToLowerInvariant(), p.Message, p.Attempts))
            .ToList());
    }
}

internal sealed record MeResponse(string Login, string Role);

internal sealed record SubmissionResponse(Guid Id, string Assignment, string Owner, string Repository, string Commit, string Source,
    DateTimeOffset ReceivedAt, string? Verdict, double? Score, double? MaxScore, int? LateDays, string? StaffFlag);

internal sealed record PushResponse(Guid Id, string Repository, string Commit, DateTimeOffset ReceivedAt, string State, string? Message,
    int Attempts);

/// <summary>
/// One run of a submission: its tier and state and, while it waits (queued, or pending in Slurm), its place, expected start
/// and result time (UTC), and what the estimate rests on (<c>estimate</c>: measured or slurm).
/// </summary>
internal sealed record QueuedRunResponse(Guid Job, string Tier, string State, int? Position, DateTimeOffset? ExpectedStart,
    DateTimeOffset? ExpectedResult, string Text, string? Note, string? Estimate)
{
    public static QueuedRunResponse Of(GradingJob job, QueuePlace? place) => new(job.Id, job.Tier.ToString().ToLowerInvariant(),
        job.State.ToString().ToLowerInvariant(), place?.Position, place?.ExpectedStart, place?.ExpectedResult,
        QueueEstimate.Waits(job) ? QueueText.Describe(place, job.Tier) : $"{job.Tier.ToString().ToLowerInvariant()} run {job.State.ToString().ToLowerInvariant()}",
        job.LastError, place?.Source.ToString().ToLowerInvariant());
}
