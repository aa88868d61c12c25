using System.Globalization;
using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Assignments.Roster;
using Course.Core.Errors;
using Course.Grader.Grades.Notices;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades.Regrades;

/// <summary>
/// Regrade requests: a student asks about one item of an assignment, staff and the team reply in a thread,
/// and staff resolve it with a new score (an override of each team member's score, with the reason) or with
/// the score unchanged and why. Staff replies and the resolution are e-mailed to the team. A student sees
/// only their own team's requests; a request they may not see answers as not found.
/// </summary>
internal sealed class RegradeDesk(GradebookDbContext db, Gradebook gradebook, GradeNotices notices, IRoster roster, ICourseProvider course,
    TimeProvider clock)
{
    /// <summary>The item naming an assignment's automatic score as a whole.</summary>
    public const string ScoreItem = "score";

    private const int MaxText = 4000;

    public async Task<RegradeView> AskAsync(string login, string assignment, string item, string message, CancellationToken cancellation)
    {
        var spec = course.Assignment(RequireText(assignment, "assignment", 100));
        var text = RequireText(message, "message", MaxText);
        var items = Items(spec);
        if (!items.Contains(item, StringComparer.Ordinal))
        {
            throw new BadInputException($"item: '{item}' is not an item of {assignment} (known: {string.Join(", ", items)})");
        }

        var team = await roster.TeamOfAsync(assignment, login, cancellation)
                   ?? throw new BadInputException($"'{login}' is not an enrolled student: only students ask for a regrade");
        if (await db.RegradeRequests.AnyAsync(r => r.Assignment == assignment && r.Team == team.Name && r.Item == item && r.State == RegradeState.Open,
                cancellation))
        {
            throw new BadInputException($"item: your team already has an open request on {assignment} {item}; add to its thread instead");
        }

        var now = clock.GetUtcNow();
        var request = new RegradeRequest { Id = Guid.NewGuid(), Assignment = assignment, Team = team.Name, Login = login, Item = item, AskedAt = now };
        db.RegradeRequests.Add(request);
        db.RegradeMessages.Add(new RegradeMessage { Id = Guid.NewGuid(), RequestId = request.Id, Author = login, FromStaff = false, Text = text, At = now });
        await db.SaveChangesAsync(cancellation);
        return await ViewAsync(request, cancellation);
    }

    /// <summary>Staff: the open requests (every request with <paramref name="all"/>); a student: their teams' requests.</summary>
    public async Task<IReadOnlyList<RegradeView>> ListAsync(string viewer, string? assignment, bool all, CancellationToken cancellation)
    {
        if (assignment is not null)
        {
            course.Assignment(assignment);
        }

        var staff = roster.Staff(viewer) is not null;
        var query = db.RegradeRequests.AsNoTracking().Where(r => assignment == null || r.Assignment == assignment);
        if (staff && !all)
        {
            query = query.Where(r => r.State == RegradeState.Open);
        }

        var visible = await roster.VisibleWorkAsync(viewer, cancellation);
        var requests = (await query.ToListAsync(cancellation))
            .Where(r => staff || visible.Contains(r.Assignment, r.Team))
            .OrderBy(r => r.Assignment, StringComparer.Ordinal).ThenBy(r => r.AskedAt).ToList();
        var views = new List<RegradeView>();
        foreach (var request in requests)
        {
            views.Add(await ViewAsync(request, cancellation));
        }

        return views;
    }

    public async Task<RegradeView> ShowAsync(string viewer, string id, CancellationToken cancellation) =>
        await ViewAsync(await FindAsync(viewer, id, cancellation), cancellation);

    /// <summary>Adds to the thread: staff (the team is e-mailed) or a member of the team.</summary>
    public async Task<RegradeView> ReplyAsync(string viewer, string id, string message, CancellationToken cancellation)
    {
        var request = await FindAsync(viewer, id, cancellation);
        var text = RequireText(message, "message", MaxText);
        var staff = roster.Staff(viewer) is not null;
        var reply = new RegradeMessage { Id = Guid.NewGuid(), RequestId = request.Id, Author = viewer, FromStaff = staff, Text = text, At = clock.GetUtcNow() };
        db.RegradeMessages.Add(reply);
        await db.SaveChangesAsync(cancellation);
        if (staff)
        {
            await notices.RegradeAnsweredAsync(await MembersAsync(request, cancellation), request.Assignment, request.Item, $"reply:{reply.Id:N}",
                $"{viewer} replied to your regrade request on {request.Assignment} ({request.Item}):\n\n{text}", cancellation);
        }

        return await ViewAsync(request, cancellation);
    }

    /// <summary>
    /// Resolves an open request: with <paramref name="score"/> (fraction 0..1) each team member's score is overridden with the reason,
    /// without it the score stands; the reason is required either way and the team is e-mailed.
    /// </summary>
    public async Task<RegradeView> ResolveAsync(string by, string id, double? score, string reason, CancellationToken cancellation)
    {
        if (roster.Staff(by) is null)
        {
            throw new BadInputException($"by: '{by}' is not on the course's staff (course.json staff)");
        }

        var request = await FindAsync(by, id, cancellation);
        var why = RequireText(reason, "reason", MaxText);
        if (request.State != RegradeState.Open)
        {
            throw new BadInputException($"id: request {request.Id} is already resolved ({request.State.ToString().ToLowerInvariant()})");
        }

        if (score is { } value && (value < 0 || value > 1 || !double.IsFinite(value)))
        {
            throw new BadInputException($"score: {value} is not a fraction between 0 and 1");
        }

        var members = await MembersAsync(request, cancellation);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellation))
        {
            if (score is not null)
            {
                foreach (var login in members)
                {
                    await ChangeScoreAsync(request, login, score, why, by, cancellation);
                }
            }

            request.State = score is null ? RegradeState.Unchanged : RegradeState.Changed;
            request.ResolvedBy = by;
            request.ResolvedAt = clock.GetUtcNow();
            request.Resolution = why;
            request.NewScore = score;
            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
        }

        var outcome = score is { } given
            ? string.Create(CultureInfo.InvariantCulture, $"Your score on {request.Assignment} is now {given * 100:0.#}%.")
            : $"Your score on {request.Assignment} stays as it was.";
        await notices.RegradeAnsweredAsync(members, request.Assignment, request.Item, $"resolved:{request.Id:N}",
            $"{by} resolved your regrade request on {request.Assignment} ({request.Item}). {outcome}\n\nReason: {why}", cancellation);
        return await ViewAsync(request, cancellation);
    }

    /// <summary>
    /// The one place a regrade changes a score: an override through the grade book, which records who, when and why.
    /// </summary>
    private Task ChangeScoreAsync(RegradeRequest request, string login, double? score, string reason, string by, CancellationToken cancellation) =>
        gradebook.OverrideAsync(request.Assignment, login, score, $"regrade {request.Id:N} ({request.Item}): {reason}", by, cancellation);

    /// <summary>A request by its id (or a unique prefix of at least 8 hex digits) that <paramref name="viewer"/> may see.</summary>
    private async Task<RegradeRequest> FindAsync(string viewer, string id, CancellationToken cancellation)
    {
        var wanted = (id ?? "").Trim().Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        if (wanted.Length < 8 || !wanted.All(Uri.IsHexDigit))
        {
            throw new BadInputException($"id: '{id}' is not a regrade request id (at least its first 8 hex digits)");
        }

        var candidates = Guid.TryParseExact(wanted, "N", out var exact)
            ? await db.RegradeRequests.Where(r => r.Id == exact).ToListAsync(cancellation)
            : (await db.RegradeRequests.ToListAsync(cancellation)).Where(r => r.Id.ToString("N").StartsWith(wanted, StringComparison.Ordinal)).ToList();
        var visible = await roster.VisibleWorkAsync(viewer, cancellation);
        var request = candidates.Where(r => roster.Staff(viewer) is not null || visible.Contains(r.Assignment, r.Team)).ToList();
        return request.Count switch
        {
            1 => request[0],
            0 => throw new NotFoundException($"id: no regrade request {id}"),
            _ => throw new BadInputException($"id: '{id}' matches {request.Count} requests; give more of it"),
        };
    }

    private async Task<IReadOnlyList<string>> MembersAsync(RegradeRequest request, CancellationToken cancellation) =>
        (await roster.TeamAsync(request.Assignment, request.Team, cancellation))?.Members ?? [request.Login];

    private async Task<RegradeView> ViewAsync(RegradeRequest request, CancellationToken cancellation)
    {
        var messages = await db.RegradeMessages.AsNoTracking().Where(m => m.RequestId == request.Id).ToListAsync(cancellation);
        return new RegradeView(request.Id, request.Assignment, request.Team, request.Login, request.Item, request.State.ToString().ToLowerInvariant(),
            request.AskedAt, messages.OrderBy(m => m.At).Select(m => new RegradeThreadMessage(m.Author, m.FromStaff, m.Text, m.At)).ToList(),
            request.ResolvedBy, request.ResolvedAt, request.Resolution, request.NewScore);
    }

    /// <summary>What a request may name: the automatic score, a test check, a rubric item or a milestone.</summary>
    private static IReadOnlyList<string> Items(AssignmentSpec spec) =>
    [
        .. spec.Kind is AssignmentKind.Written ? [] : new[] { ScoreItem },
        .. spec.Tests?.Checks.Select(c => c.Name) ?? [],
        .. spec.Rubric.Select(r => r.Id),
        .. spec.Project?.Milestones.Select(m => m.Id) ?? [],
    ];

    private static string RequireText(string? text, string field, int max)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new BadInputException($"{field}: is required");
        }

        return trimmed.Length > max ? throw new BadInputException($"{field}: longer than {max} characters") : trimmed;
    }
}
