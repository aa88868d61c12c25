using Microsoft.EntityFrameworkCore;

namespace Course.Leaderboard.Submissions;

/// <summary>Queries of the leaderboard tables shared by the service's operations.</summary>
internal static class SubmissionStore
{
    public static Task<int> CountedOnAsync(this LeaderboardDbContext db, string assignment, string team, string day, CancellationToken cancellation) =>
        db.Submissions.CountAsync(s => s.Assignment == assignment && s.Team == team && s.Day == day
            && s.Status != SubmissionStatus.InfrastructureFailed, cancellation);

    /// <summary>
    /// Takes the team's day (see <see cref="TeamDay"/>) for the rest of the current transaction: the
    /// row is created if missing, then updated, which blocks a concurrent submission of the same team
    /// and day until this transaction ends. Plain SQL that SQLite and PostgreSQL both understand.
    /// </summary>
    public static async Task LockTeamDayAsync(this LeaderboardDbContext db, string assignment, string team, string day,
        CancellationToken cancellation)
    {
        // The table's name comes from the model (never from input); the values are parameters.
        var table = db.Model.FindEntityType(typeof(TeamDay))!.GetTableName();
        var create = $"INSERT INTO \"{table}\" (\"Assignment\", \"Team\", \"Day\", \"Claims\") VALUES ({{0}}, {{1}}, {{2}}, 0) ON CONFLICT DO NOTHING";
        var take = $"UPDATE \"{table}\" SET \"Claims\" = \"Claims\" + 1 WHERE \"Assignment\" = {{0}} AND \"Team\" = {{1}} AND \"Day\" = {{2}}";
        await db.Database.ExecuteSqlRawAsync(create, [assignment, team, day], cancellation);
        await db.Database.ExecuteSqlRawAsync(take, [assignment, team, day], cancellation);
    }

    public static Task<bool> IsFinalizedAsync(this LeaderboardDbContext db, string assignment, CancellationToken cancellation) =>
        db.Finalizations.AnyAsync(f => f.Assignment == assignment, cancellation);

    public static async Task<List<Submission>> OfAsync(this LeaderboardDbContext db, string assignment, CancellationToken cancellation) =>
        await db.Submissions.AsNoTracking().Where(s => s.Assignment == assignment).ToListAsync(cancellation);

    public static SubmissionReceipt Receipt(this Submission s, bool repeated) =>
        new(s.Id, s.Assignment, s.Team, s.Source, s.SubmittedAt, s.Status, s.PublicScore, s.Error, repeated);
}
