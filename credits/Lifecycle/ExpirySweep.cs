using Course.Assignments.Courses;
using Course.Credits.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Course.Credits.Lifecycle;

/// <summary>
/// Marks codes past their expiry as Expired, and queues one warning e-mail per unredeemed issued code
/// that expires within <c>credits.expiryWarningDays</c>. Runs before every outbox flush.
/// </summary>
internal sealed class ExpirySweep(CreditsDbContext db, ICourseProvider course, TimeProvider clock)
{
    public sealed record Report(int Expired, int Warned);

    public async Task<Report> RunAsync(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var expired = await db.Codes
            .Where(c => c.ExpiresAt != null && c.ExpiresAt <= now
                        && (c.Status == CodeStatus.Available || c.Status == CodeStatus.Issued || c.Status == CodeStatus.Sent || c.Status == CodeStatus.Problem))
            .ToListAsync(cancellation);
        foreach (var code in expired)
        {
            Audit.Record(db, now, "expire", code.Id, code.Login, $"expired {code.ExpiresAt:u} while {code.Status}");
            code.Status = CodeStatus.Expired;
        }

        var horizon = now.AddDays(course.Course.Credits?.ExpiryWarningDays ?? 14);
        var soon = await db.Codes.AsNoTracking()
            .Where(c => c.ExpiresAt != null && c.ExpiresAt > now && c.ExpiresAt <= horizon
                        && (c.Status == CodeStatus.Issued || c.Status == CodeStatus.Sent))
            .ToListAsync(cancellation);
        var keys = soon.Select(c => $"expiry:{c.Id}").ToList();
        var queued = await db.Outbox.Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(cancellation);
        var ids = soon.Select(c => c.Id).ToList();
        var addresses = await db.Outbox.Where(m => m.Kind == MessageKind.Code && ids.Contains(m.CodeId!))
            .ToDictionaryAsync(m => m.CodeId!, m => m.To, cancellation);
        var warned = 0;
        foreach (var code in soon.Where(c => !queued.Contains($"expiry:{c.Id}") && addresses.ContainsKey(c.Id)))
        {
            db.Outbox.Add(new OutboxMessage
            {
                Id = Ids.New(),
                Key = $"expiry:{code.Id}",
                Kind = MessageKind.ExpiryWarning,
                Login = code.Login!,
                To = addresses[code.Id],
                CodeId = code.Id,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            warned++;
        }

        await db.SaveChangesAsync(cancellation);
        return new Report(expired.Count, warned);
    }
}
