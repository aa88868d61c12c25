using Course.Core.Retries;
using Course.Grader.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Intake.Statuses;

/// <summary>
/// Sets commit statuses through a durable table (<see cref="StatusDelivery"/>). A status is recorded first,
/// then sent with <see cref="QuickAttempts"/> tries (after 2 s, then 4 s); one GitHub still refuses waits in
/// the table, and <see cref="RedeliverDueAsync"/> (run by <c>grader serve</c>) tries again after 1, 2, 4 ...
/// minutes (at most an hour apart) for a day, unless a newer status of the same commit and check was recorded
/// meanwhile, which must not be overwritten by an old one.
/// </summary>
internal sealed class StatusDeliveries(WebDbContext db, IRepositoryHost host, TimeProvider time, ILogger<StatusDeliveries> logger)
{
    public const int QuickAttempts = 3;

    /// <summary>After this, a refused status is given up: the grade stands without it.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);

    private static readonly TimeSpan FirstQuickDelay = TimeSpan.FromSeconds(2);

    /// <summary>Records the status and tries to set it now; true when GitHub took it.</summary>
    public async Task<bool> SendAsync(HostedRepository repository, string commit, CommitStatusUpdate status, CancellationToken cancellation)
    {
        var delivery = new StatusDelivery
        {
            Id = Guid.NewGuid(),
            Repository = repository.FullName,
            Commit = commit,
            Context = status.Context,
            State = status.State,
            Description = status.Description,
            FeedbackUrl = status.FeedbackUrl?.ToString(),
            CreatedAt = time.GetUtcNow(),
        };
        db.Statuses.Add(delivery);
        await db.SaveChangesAsync(cancellation);
        return await TryAsync(delivery, QuickAttempts, cancellation);
    }

    /// <summary>Tries every waiting status whose time has come, oldest first; returns how many GitHub took.</summary>
    public async Task<int> RedeliverDueAsync(CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var due = await db.Statuses
            .Where(s => s.Delivery == StatusDeliveryState.Pending)
            .ToListAsync(cancellation);
        var delivered = 0;
        foreach (var delivery in due.Where(s => s.NextAttemptAt is null || s.NextAttemptAt <= now).OrderBy(s => s.CreatedAt))
        {
            if (await IsSupersededAsync(delivery, cancellation))
            {
                delivery.Delivery = StatusDeliveryState.Superseded;
                await db.SaveChangesAsync(cancellation);
                continue;
            }

            delivered += await TryAsync(delivery, 1, cancellation) ? 1 : 0;
        }

        return delivered;
    }

    private Task<bool> IsSupersededAsync(StatusDelivery delivery, CancellationToken cancellation) =>
        db.Statuses.AnyAsync(s => s.Repository == delivery.Repository && s.Commit == delivery.Commit && s.Context == delivery.Context
            && s.CreatedAt > delivery.CreatedAt, cancellation);

    private async Task<bool> TryAsync(StatusDelivery delivery, int tries, CancellationToken cancellation)
    {
        var repository = HostedRepository.Parse(delivery.Repository, defaultBranch: "");
        for (var attempt = 1; ; attempt++)
        {
            delivery.Attempts++;
            try
            {
                await host.SetStatusAsync(repository, delivery.Commit, delivery.ToUpdate(), cancellation);
                delivery.Delivery = StatusDeliveryState.Delivered;
                delivery.DeliveredAt = time.GetUtcNow();
                delivery.LastError = null;
                await db.SaveChangesAsync(CancellationToken.None);
                return true;
            }
            catch (Exception failure) when (!cancellation.IsCancellationRequested)
            {
                // Whatever failed (GitHub, the network, something unforeseen), the status waits with its error:
                // one bad row must never hold up the others in every later round.
                delivery.LastError = failure.Message;
                if (attempt >= tries)
                {
                    await WaitOrGiveUpAsync(delivery);
                    return false;
                }

                logger.LogInformation("{Repository}@{Commit}: setting the {Context} status failed (attempt {Attempt}), retrying: {Message}",
                    delivery.Repository, delivery.Commit, delivery.Context, delivery.Attempts, failure.Message);
            }

            await Task.Delay(RetryBackoff.Doubling(FirstQuickDelay, TimeSpan.MaxValue, attempt), time, cancellation);
        }
    }

    private async Task WaitOrGiveUpAsync(StatusDelivery delivery)
    {
        var now = time.GetUtcNow();
        if (now - delivery.CreatedAt >= GiveUpAfter)
        {
            delivery.Delivery = StatusDeliveryState.GaveUp;
            logger.LogWarning("{Repository}@{Commit}: the {Context} status was not set after {Attempts} attempts over a day, given up: {Message}",
                delivery.Repository, delivery.Commit, delivery.Context, delivery.Attempts, delivery.LastError);
        }
        else
        {
            delivery.NextAttemptAt = now + RetryBackoff.After(delivery.Attempts - QuickAttempts + 1);
            logger.LogWarning("{Repository}@{Commit}: the {Context} status was not set ({Message}); trying again at {Next:u}",
                delivery.Repository, delivery.Commit, delivery.Context, delivery.LastError, delivery.NextAttemptAt);
        }

        // Recorded even when the caller is stopping: the status must stay in the table.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
