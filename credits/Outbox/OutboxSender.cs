using System.Net.Sockets;
using Course.Core.Retries;
using Course.Credits.Ledger;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Polly;
using Polly.Retry;

namespace Course.Credits.Outbox;

/// <summary>
/// Sends the outbox. Each row goes pending → sending (a conditional update, so two senders never take
/// the same row) → sent. Transport failures are retried with exponential backoff (Polly); when they
/// persist the row returns to pending with its error, attempt count and next attempt time, and the
/// flush stops (the server is down: the rest wait, untouched). A session that cannot be set up safely (no
/// STARTTLS, an untrusted certificate) is not retried within the flush, but ends the same way: nothing goes
/// out in clear, the row keeps the reason and waits for its next attempt. A row left in 'sending' by a process
/// that stopped mid-send is never re-sent automatically: that would risk a duplicate. See README.
/// </summary>
internal sealed class OutboxSender(CreditsDbContext db, MessageComposer composer, TransportFactory transports,
    SmtpSettings settings, TimeProvider clock)
{
    public async Task<FlushReport> FlushAsync(bool dueOnly, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Outbox.AsNoTracking()
            .Where(m => m.State == OutboxState.Pending)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.NextAttemptAt })
            .ToListAsync(cancellation);
        var due = candidates.Where(m => !dueOnly || m.NextAttemptAt is null || m.NextAttemptAt <= now).Select(m => m.Id).ToList();
        var pipeline = Pipeline();
        var errors = new List<string>();
        int sent = 0, cancelled = 0;
        await using var transport = transports.Create();
        foreach (var id in due)
        {
            var outcome = await SendOneAsync(id, transport, pipeline, errors, cancellation);
            sent += outcome == Outcome.Sent ? 1 : 0;
            cancelled += outcome == Outcome.Cancelled ? 1 : 0;
            if (outcome == Outcome.ServerDown)
            {
                break;
            }
        }

        var pending = await db.Outbox.CountAsync(m => m.State == OutboxState.Pending, cancellation);
        var uncertain = await db.Outbox.CountAsync(m => m.State == OutboxState.Sending, cancellation);
        return new FlushReport(transport.Destination, sent, cancelled, pending, uncertain, errors, transport.ClearTextFolder);
    }

    /// <summary>Puts rows stuck in 'sending' for longer than <paramref name="olderThan"/> back to pending (same Message-Id).</summary>
    public async Task<int> RequeueUncertainAsync(TimeSpan olderThan, CancellationToken cancellation)
    {
        var before = clock.GetUtcNow() - olderThan;
        var stuck = await db.Outbox.Where(m => m.State == OutboxState.Sending && m.ClaimedAt < before).ToListAsync(cancellation);
        foreach (var message in stuck)
        {
            message.State = OutboxState.Pending;
            message.LastError = "re-queued by staff after an interrupted send";
            Audit.Record(db, clock.GetUtcNow(), "requeue", message.CodeId, message.Login, message.MessageId);
        }

        await db.SaveChangesAsync(cancellation);
        return stuck.Count;
    }

    private enum Outcome
    {
        Sent,
        Cancelled,
        Rejected,
        ServerDown,
        Taken,
    }

    private async Task<Outcome> SendOneAsync(string id, IMailTransport transport, ResiliencePipeline pipeline, List<string> errors,
        CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.Outbox
            .Where(m => m.Id == id && m.State == OutboxState.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.State, OutboxState.Sending)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.ClaimedAt, now), cancellation);
        if (claimed == 0)
        {
            return Outcome.Taken;
        }

        db.ChangeTracker.Clear();
        var message = await db.Outbox.SingleAsync(m => m.Id == id, cancellation);
        var code = message.CodeId is null ? null : await db.Codes.SingleAsync(c => c.Id == message.CodeId, cancellation);
        if (code is { Status: CodeStatus.Replaced or CodeStatus.Expired or CodeStatus.Available }
            || (message.Kind == MessageKind.ExpiryWarning && code?.Status is not (CodeStatus.Issued or CodeStatus.Sent)))
        {
            message.State = OutboxState.Cancelled;
            message.LastError = $"not sent: code {code?.Id} is {code?.Status}";
            await db.SaveChangesAsync(cancellation);
            return Outcome.Cancelled;
        }

        MimeMessage mail = composer.Compose(message, code);
        try
        {
            await pipeline.ExecuteAsync(async token => await transport.SendAsync(mail, token), cancellation);
        }
        catch (Exception error) when (IsTransient(error) || IsRejected(error) || error is SmtpSessionException)
        {
            message.State = OutboxState.Pending;
            message.LastError = $"{error.GetType().Name}: {error.Message}";
            message.NextAttemptAt = clock.GetUtcNow() + RetryBackoff.After(message.Attempts);
            await db.SaveChangesAsync(CancellationToken.None);
            errors.Add($"{message.MessageId} to {message.To}: {message.LastError} (attempt {message.Attempts})");
            return IsRejected(error) ? Outcome.Rejected : Outcome.ServerDown;
        }

        message.State = OutboxState.Sent;
        message.SentAt = clock.GetUtcNow();
        message.LastError = null;
        if (message.Kind == MessageKind.Code && code is { Status: CodeStatus.Issued })
        {
            code.Status = CodeStatus.Sent;
        }

        // Recorded even if the caller cancels now: the server has the message.
        await db.SaveChangesAsync(CancellationToken.None);
        return Outcome.Sent;
    }

    private ResiliencePipeline Pipeline() =>
        new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(settings.RetryAttempts, 1),
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            })
            .Build();

    /// <summary>The server is unreachable or broke the session: worth retrying, and the rest of the outbox would fail too.</summary>
    private static bool IsTransient(Exception error) =>
        error is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException
            or SmtpCommandException { StatusCode: < (SmtpStatusCode)500 }
        && error is not OperationCanceledException;

    /// <summary>The server refused this one message (e.g. unknown recipient): the others can still go.</summary>
    private static bool IsRejected(Exception error) => error is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 };
}
