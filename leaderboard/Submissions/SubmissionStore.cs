using Microsoft.EntityFrameworkCore;

namespace Course.Leaderboard.Submissions;

/// <summary>Queries of the leaderboard tables shared by the service's operations.</summary>
internal static class SubmissionStore
{
    public static Task<int> CountedOnAsync(this LeaderboardDbContext db, string assignment, string team, string day, CancellationToken cancellation) =>
        db.Submissions.CountAsync(s => s.Assignment == assignment && s.Team == team && s.Day == day
            && s.Status != SubmissionStatus.InfrastructureFailed, cancellation);

    public static Task<bool> IsFinalizedAsync(this LeaderboardDbContext db, string assignment, CancellationToken cancellation) =>
        db.Finalizations.AnyAsync(f => f.Assignment == assignment, cancellation);

    public static async Task<List<Submission>> OfAsync(this LeaderboardDbContext db, string assignment, CancellationToken cancellation) =>
        await db.Submissions.AsNoTracking().Where(s => s.Assignment == assignment).ToListAsync(cancellation);

    public static SubmissionReceipt Receipt(this Submission s, bool repeated) =>
        new(s.Id, s.Assignment, s.Team, s.Source, s.SubmittedAt, s.Status, s.PublicScore, s.Error, repeated);
}
