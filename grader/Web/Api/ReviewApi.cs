using System.Security.Claims;
using Course.Grader.Grades.Review;
using Course.Grader.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Api;

/// <summary>
/// <c>/api/review/{assignment}</c> (staff): the TA review queue of an assignment with who reviewed what and when, and
/// marking an entry reviewed (audited with its actor), as the review pages do.
/// </summary>
internal static class ReviewApi
{
    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapApiGroup("/api/review", "Review").RequireAuthorization(Roles.StaffPolicy);
        api.MapGet("/{assignment}", ListAsync);
        api.MapPost("/{assignment}/reviewed", MarkAsync);
        return routes;
    }

    internal static async Task<Ok<ReviewQueueView>> ListAsync(string assignment, ClaimsPrincipal user, ReviewQueue queue,
        CancellationToken cancellation) =>
        TypedResults.Ok(new ReviewQueueView(assignment, OutlierRule.Text, await queue.ListAsync(user.Identity!.Name!, assignment, cancellation),
            await queue.ReviewedAsync(assignment, cancellation)));

    internal static async Task<Created<ReviewMark>> MarkAsync(string assignment, ReviewMarkBody? body, ClaimsPrincipal user, ReviewQueue queue,
        StaffAudit audit, CancellationToken cancellation)
    {
        var mark = await queue.MarkAsync(user.Identity!.Name!, assignment, body?.Subject ?? "", body?.Note, cancellation);
        audit.Record(user, "review.mark", $"{mark.Assignment} {mark.Owner} {mark.Subject}");
        return TypedResults.Created($"/api/review/{mark.Assignment}", mark);
    }
}

/// <summary>An assignment's review queue: the rule that makes a score an outlier, the entries waiting, the reviews done (newest first).</summary>
internal sealed record ReviewQueueView(string Assignment, string OutlierRule, IReadOnlyList<ReviewEntry> Entries, IReadOnlyList<ReviewMark> Reviewed);

/// <param name="Subject">The entry's subject as the queue lists it (job:ID, regrade:ID).</param>
/// <param name="Note">One line saying what was found, optional.</param>
internal sealed record ReviewMarkBody(string? Subject, string? Note);
