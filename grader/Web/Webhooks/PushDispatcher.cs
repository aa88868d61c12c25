using Course.Grader.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Web.Webhooks;

/// <summary>
/// Takes recorded pushes in, outside the webhook request: woken by <see cref="PushSignal"/> and,
/// in case a wake-up was lost or the process restarted, every <see cref="WebhookOptions.PollInterval"/>.
/// Pending pushes live in the database, so none is lost when the process stops.
/// </summary>
internal sealed class PushDispatcher(IServiceScopeFactory scopes, PushSignal signal, WebhookOptions options,
    ILogger<PushDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                // The loop must outlive a database hiccup; the push stays pending and is retried.
                logger.LogError(failure, "push dispatcher: {Message}", failure.Message);
            }

            await signal.WaitAsync(options.PollInterval, stoppingToken);
        }
    }

    /// <summary>Takes the oldest pending push in; false when none is pending.</summary>
    internal async Task<bool> ProcessNextAsync(CancellationToken cancellation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebDbContext>();
        var push = await db.Pushes.Where(p => p.State == PushState.Pending)
            .OrderBy(p => p.ReceivedAt).FirstOrDefaultAsync(cancellation);
        if (push is null)
        {
            return false;
        }

        push.Attempts++;
        try
        {
            var (state, message) = await scope.ServiceProvider.GetRequiredService<PushIntake>().TakeAsync(push, cancellation);
            push.State = state;
            push.Message = message;
        }
        catch (Exception failure) when (!cancellation.IsCancellationRequested)
        {
            // GitHub or the disk failed, not the student: retry later, give up after MaxAttempts.
            logger.LogWarning(failure, "push {Repository}@{Commit}: attempt {Attempt} failed", push.Repository, push.Commit, push.Attempts);
            push.Message = failure.Message;
            push.State = push.Attempts >= options.MaxAttempts ? PushState.Failed : PushState.Pending;
            await db.SaveChangesAsync(cancellation);
            return push.State != PushState.Pending;
        }

        await db.SaveChangesAsync(cancellation);
        return true;
    }
}
