using Course.Core.Errors;
using Course.Credits.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Course.Credits.Outbox;

/// <summary>Queues notices as outbox rows of kind <see cref="MessageKind.Notice"/>; the unique key index makes each one once.</summary>
internal sealed class CourseMail(CreditsDbContext db, TimeProvider clock) : ICourseMail
{
    public async Task<bool> QueueAsync(CourseNotice notice, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(notice.Key) || string.IsNullOrWhiteSpace(notice.To) || !notice.To.Contains('@', StringComparison.Ordinal))
        {
            throw new BadInputException($"notice '{notice.Key}': '{notice.To}' is not an e-mail address");
        }

        var key = $"notice:{notice.Key}";
        if (await db.Outbox.AnyAsync(m => m.Key == key, cancellation))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var row = new OutboxMessage
        {
            Id = Ids.New(), Key = key, Kind = MessageKind.Notice, Login = notice.Login, To = notice.To,
            Subject = notice.Subject, Detail = notice.Body, CreatedAt = now, NextAttemptAt = now,
        };
        db.Outbox.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellation);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            if (await db.Outbox.AnyAsync(m => m.Key == key, cancellation))
            {
                // Another process queued the same notice between the check and the insert.
                return false;
            }

            throw;
        }
    }
}
