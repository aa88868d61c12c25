using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades;

/// <summary>The audit log in the grade book's database, stamped by the injected clock.</summary>
internal sealed class GradeAudit(GradebookDbContext db, TimeProvider clock) : IGradeAudit
{
    public async Task RecordAsync(string assignment, string login, double? old, double? @new, string kind, string by, string reason,
        CancellationToken cancellation)
    {
        db.GradeChanges.Add(new GradeChange
        {
            Id = Guid.NewGuid(), Assignment = assignment, Login = login, Old = old, New = @new, Kind = kind, By = by, Reason = reason,
            At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellation);
    }

    public async Task<IReadOnlyList<GradeChange>> HistoryAsync(string? login, string? assignment, CancellationToken cancellation)
    {
        var changes = db.GradeChanges.AsNoTracking();
        if (login is not null)
        {
            changes = changes.Where(c => c.Login == login);
        }

        if (assignment is not null)
        {
            changes = changes.Where(c => c.Assignment == assignment);
        }

        return (await changes.ToListAsync(cancellation)).OrderBy(c => c.At).ToList();
    }
}
