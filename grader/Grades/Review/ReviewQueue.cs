using Course.Assignments.Courses;
using Course.Assignments.Roster;
using Course.Core.Errors;
using Course.Grader.Grades.Regrades;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades.Review;

/// <summary>
/// The TA review queue of an assignment (<see cref="ReviewSelection"/> on the latest full result of each owner and the
/// open regrade requests), one owner's case, and the reviews: who reviewed which entry, when and what they did.
/// </summary>
internal sealed class ReviewQueue(GraderDbContext grader, GradebookDbContext db, RegradeDesk regrades, TrainingCheckFailures training,
    IRoster roster, ICourseProvider course, TimeProvider clock)
{
    /// <summary>The entries of <paramref name="assignment"/> that need a person, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewEntry>> ListAsync(string viewer, string assignment, CancellationToken cancellation)
    {
        var spec = course.Assignment(assignment);
        var latest = await LatestAsync(cancellation);
        var candidates = new List<ReviewCandidate>();
        foreach (var (attempt, result) in latest.Where(l => l.Key.Assignment == spec.Id).Select(l => l.Value))
        {
            candidates.Add(new ReviewCandidate(result.JobId, attempt.Id, result.Owner, result.Verdict, Fraction(result), result.RecordedAt,
                await training.OfAsync(spec, result, cancellation)));
        }

        var own = latest.Where(l => l.Key.Assignment != spec.Id && l.Value.Result.Verdict == Verdict.Graded && Fraction(l.Value.Result) is not null)
            .GroupBy(l => l.Key.Owner, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<double>)g.Select(l => Fraction(l.Value.Result)!.Value).ToList(), StringComparer.Ordinal);
        var open = (await regrades.ListAsync(viewer, spec.Id, all: false, cancellation))
            .Select(r => new OpenRegrade(r.Id, r.Team, r.Item, r.Messages.Where(m => !m.FromStaff).Select(m => m.At).DefaultIfEmpty(r.AskedAt).Max()))
            .ToList();
        var reviewed = (await db.ReviewMarks.AsNoTracking().Where(m => m.Assignment == spec.Id).ToListAsync(cancellation))
            .GroupBy(m => m.Subject, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(m => m.At), StringComparer.Ordinal);
        return ReviewSelection.Select(spec.Id, candidates, own, open, reviewed);
    }

    /// <summary>The reviews of <paramref name="assignment"/>, newest first.</summary>
    public async Task<IReadOnlyList<ReviewMark>> ReviewedAsync(string assignment, CancellationToken cancellation)
    {
        var spec = course.Assignment(assignment);
        return (await db.ReviewMarks.AsNoTracking().Where(m => m.Assignment == spec.Id).ToListAsync(cancellation))
            .OrderByDescending(m => m.At).ToList();
    }

    /// <summary>One student's or team's work on <paramref name="assignment"/>; an owner with no work, no place on the roster and no request is not found.</summary>
    public async Task<ReviewCase> CaseAsync(string viewer, string assignment, string owner, CancellationToken cancellation)
    {
        var spec = course.Assignment(assignment);
        var submissions = await grader.Submissions.AsNoTracking().Where(s => s.Assignment == spec.Id && s.Owner == owner).ToListAsync(cancellation);
        var ids = submissions.Select(s => s.Id).ToList();
        var results = (await grader.Results.AsNoTracking().Where(r => ids.Contains(r.SubmissionId) && r.Tier == JobTier.Full).ToListAsync(cancellation))
            .ToDictionary(r => r.SubmissionId);
        var attempts = submissions.OrderByDescending(s => s.ReceivedAt).Select(s => new ReviewAttempt(s, results.GetValueOrDefault(s.Id))).ToList();
        var members = (await roster.TeamAsync(spec.Id, owner, cancellation))?.Members
                      ?? (await roster.StudentAsync(owner, cancellation) is not null ? [owner] : []);
        var requests = (await regrades.ListAsync(viewer, spec.Id, all: true, cancellation)).Where(r => r.Team == owner).ToList();
        if (attempts.Count == 0 && members.Count == 0 && requests.Count == 0)
        {
            throw new NotFoundException($"owner: '{owner}' has no work, team or regrade request on {spec.Id}");
        }

        var entries = (await ListAsync(viewer, spec.Id, cancellation)).Where(e => e.Owner == owner).ToList();
        var reviews = (await ReviewedAsync(spec.Id, cancellation)).Where(m => m.Owner == owner).ToList();
        return new ReviewCase(spec, owner, members, attempts, requests, entries, reviews);
    }

    /// <summary>
    /// Records that <paramref name="by"/> reviewed <paramref name="subjects"/> of <paramref name="owner"/> by doing <paramref name="action"/>,
    /// each with why it was in the queue; with no subject, the owner as a whole (rubric points given outside the queue).
    /// </summary>
    public async Task<IReadOnlyList<ReviewMark>> RecordAsync(string by, string assignment, string owner, IReadOnlyCollection<string> subjects,
        string action, CancellationToken cancellation)
    {
        if (roster.Staff(by) is null)
        {
            throw new BadInputException($"by: '{by}' is not on the course's staff (course.json staff)");
        }

        var entries = (await ListAsync(by, assignment, cancellation)).ToDictionary(e => e.Subject, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var marks = (subjects.Count > 0 ? subjects : [ReviewSubjects.Owner(owner)]).Select(subject => new ReviewMark
        {
            Id = Guid.NewGuid(), Assignment = course.Assignment(assignment).Id, Owner = owner, Subject = ReviewSubjects.Parse(subject),
            Reasons = entries.TryGetValue(subject, out var entry) ? entry.ReasonText : "", Action = action, By = by, At = now,
        }).ToList();
        db.ReviewMarks.AddRange(marks);
        await db.SaveChangesAsync(cancellation);
        return marks;
    }

    /// <summary>Marks one queue entry reviewed without another action; an entry not in the queue is not found.</summary>
    public async Task<ReviewMark> MarkAsync(string by, string assignment, string subject, string? note, CancellationToken cancellation)
    {
        var wanted = ReviewSubjects.Parse(subject);
        var entry = (await ListAsync(by, assignment, cancellation)).FirstOrDefault(e => e.Subject == wanted)
                    ?? throw new NotFoundException($"subject: {wanted} is not in the review queue of {assignment}");
        var text = note?.Trim() ?? "";
        if (text.Length > 500 || text.Contains('\n', StringComparison.Ordinal))
        {
            throw new BadInputException("note: one line of at most 500 characters");
        }

        return (await RecordAsync(by, assignment, entry.Owner, [wanted], text.Length == 0 ? "marked reviewed" : $"marked reviewed: {text}",
            cancellation)).Single();
    }

    private static double? Fraction(GradingResult result) => result.MaxScore > 0 ? result.RawScore / result.MaxScore : null;

    /// <summary>Each owner's latest full-run result per assignment (the newest submission that has one).</summary>
    private async Task<Dictionary<(string Assignment, string Owner), (Submission Attempt, GradingResult Result)>> LatestAsync(
        CancellationToken cancellation)
    {
        var results = await grader.Results.AsNoTracking().Where(r => r.Tier == JobTier.Full).ToListAsync(cancellation);
        var ids = results.Select(r => r.SubmissionId).ToHashSet();
        var submissions = (await grader.Submissions.AsNoTracking().ToListAsync(cancellation)).Where(s => ids.Contains(s.Id)).ToDictionary(s => s.Id);
        return results.GroupBy(r => (r.Assignment, r.Owner))
            .ToDictionary(g => g.Key, g => g.Select(r => (Attempt: submissions[r.SubmissionId], Result: r))
                .OrderByDescending(x => x.Attempt.ReceivedAt).ThenByDescending(x => x.Result.RecordedAt).First());
    }
}
