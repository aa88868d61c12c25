using System.Globalization;
using Course.Core.Errors;
using Course.Grader.Grades;
using Course.Grader.Grades.Regrades;
using Course.Grader.Grades.Review;
using Course.Grader.Queue;
using Course.Grader.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Pages;

/// <summary>
/// The review case's forms (staff only, each with its antiforgery token): override a score with a reason, rubric points,
/// answer and resolve a regrade request, run a job again, mark an entry reviewed. Each goes through the service that
/// owns it (the grade book, the regrade desk, the job queue's re-runs), is recorded as a review of the entries it
/// settles and logged with its actor (<see cref="StaffAudit"/>), and shows the case again with what it did.
/// </summary>
internal static class ReviewActions
{
    private delegate Task<(string Action, IReadOnlyCollection<string>? Subjects)> ReviewAction(string by, IFormCollection form, ReviewCase work);

    public static IEndpointRouteBuilder MapReviewActions(this IEndpointRouteBuilder routes)
    {
        var owner = routes.MapGroup("/review/{assignment}/{owner}").RequireAuthorization(Roles.StaffPolicy);
        owner.MapPost("/override", (string assignment, string owner, HttpContext context, Gradebook gradebook) =>
            ActAsync(context, assignment, owner, "override", async (by, form, _) =>
            {
                var student = Field(form, "student");
                var score = Field(form, "score");
                double? fraction = score == "none" ? null : Number(score, "score");
                var reason = Field(form, "reason");
                await gradebook.OverrideAsync(assignment, student, fraction, reason, by, context.RequestAborted);
                return ($"override {student}: {score} ({reason})", null);
            })).WithPageOrder();
        owner.MapPost("/rubric", (string assignment, string owner, HttpContext context, Gradebook gradebook) =>
            ActAsync(context, assignment, owner, "rubric", async (by, form, _) =>
            {
                var (student, item, points) = (Field(form, "student"), Field(form, "item"), Number(Field(form, "points"), "points"));
                var comment = form["comment"].ToString().Trim() is { Length: > 0 } text ? text : null;
                await gradebook.SetAsync(assignment, student, item, points, by, comment, context.RequestAborted);
                return (string.Create(CultureInfo.InvariantCulture, $"rubric {student} {item}: {points} points{(comment is null ? "" : $" ({comment})")}"), null);
            })).WithPageOrder();
        owner.MapPost("/rerun", (string assignment, string owner, HttpContext context, JobReruns reruns) =>
            ActAsync(context, assignment, owner, "rerun", async (by, form, work) =>
            {
                var job = Guid.TryParse(Field(form, "job"), out var id) && work.Attempts.Any(a => a.Result?.JobId == id)
                    ? id : throw new NotFoundException($"job: '{form["job"]}' is not a graded job of {owner} on {assignment}");
                await reruns.RerunJobAsync(job, $"asked by {by} from the review queue", context.RequestAborted);
                return ($"re-run of job {job:N} queued", null);
            })).WithPageOrder();
        owner.MapPost("/regrades/{id}/reply", (string assignment, string owner, string id, HttpContext context, RegradeDesk desk) =>
            ActAsync(context, assignment, owner, "regrade.reply", async (by, form, work) =>
            {
                var request = await desk.ReplyAsync(by, OwnRequest(work, id), Field(form, "message"), context.RequestAborted);
                return ("regrade answered", [ReviewSubjects.Regrade(request.Id)]);
            })).WithPageOrder();
        owner.MapPost("/regrades/{id}/resolve", (string assignment, string owner, string id, HttpContext context, RegradeDesk desk) =>
            ActAsync(context, assignment, owner, "regrade.resolve", async (by, form, work) =>
            {
                var score = form["score"].ToString().Trim() is { Length: > 0 } text ? Number(text, "score") : (double?)null;
                var request = await desk.ResolveAsync(by, OwnRequest(work, id), score, Field(form, "reason"), context.RequestAborted);
                return ($"regrade resolved ({request.State}): {request.Resolution}", [ReviewSubjects.Regrade(request.Id)]);
            })).WithPageOrder();
        owner.MapPost("/reviewed", (string assignment, string owner, HttpContext context, ReviewQueue queue) =>
            ActAsync(context, assignment, owner, "mark", async (by, form, work) =>
            {
                var subject = ReviewSubjects.Parse(form["subject"]);
                if (work.Entries.All(e => e.Subject != subject))
                {
                    throw new NotFoundException($"subject: {subject} of {owner} is not in the review queue");
                }

                var mark = await queue.MarkAsync(by, assignment, subject, form["note"], context.RequestAborted);
                return (mark.Action, []);
            })).WithPageOrder();
        return routes;
    }

    /// <summary>
    /// Checks the form's antiforgery token, runs the action on the owner's case, records it as a review of the subjects it
    /// names (null: the owner's queue entries that are not regrade requests; empty: already recorded) and shows the case again.
    /// </summary>
    private static Task<RazorComponentResult<ReviewCasePage>> ActAsync(HttpContext context, string assignment, string owner, string name,
        ReviewAction action) =>
        FormAction.RunAsync<ReviewCasePage>(context, async (by, form) =>
        {
            var queue = context.RequestServices.GetRequiredService<ReviewQueue>();
            var work = await queue.CaseAsync(by, assignment, owner, context.RequestAborted);
            var (done, subjects) = await action(by, form, work);
            context.RequestServices.GetRequiredService<StaffAudit>().Record(context.User, $"review.{name}", $"{assignment}/{owner}: {done}");
            if (subjects is null || subjects.Count > 0)
            {
                await queue.RecordAsync(by, assignment, owner,
                    subjects ?? work.Entries.Select(e => e.Subject).Where(s => !s.StartsWith("regrade:", StringComparison.Ordinal)).ToList(), done,
                    context.RequestAborted);
            }

            return PageMessage.Notice($"Done: {done}.");
        }, new Dictionary<string, object?> { ["Assignment"] = assignment, ["Owner"] = owner });

    private static string OwnRequest(ReviewCase work, string id) =>
        work.Regrades.FirstOrDefault(r => r.Id.ToString("N").StartsWith(id.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
                                          && id.Length >= 8)?.Id.ToString("N")
        ?? throw new NotFoundException($"id: no regrade request {id} of {work.Owner} on {work.Assignment.Id}");

    private static string Field(IFormCollection form, string field) =>
        form[field].ToString().Trim() is { Length: > 0 } value ? value : throw new BadInputException($"{field}: is required");

    private static double Number(string text, string field) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BadInputException($"{field}: '{text}' is not a number");
}
