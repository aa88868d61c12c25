using Course.Credits.Outbox;

namespace Course.Grader.Web.Hosting;

/// <summary>
/// Sends the credits e-mail while <c>grader serve</c> runs: one round when the server starts, then one
/// every <c>--mail-every</c>, so codes issued or requested by any process reach students without a
/// separate <c>grader credits send</c>. A round skips messages whose retry time has not come (a dead SMTP
/// server is retried with backoff, each message keeping its error); a failed round is logged and the next
/// one tries again.
/// </summary>
internal sealed class ServedMail(IServiceScopeFactory scopes, TimeSpan interval, TimeProvider clock, ILogger<ServedMail> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        log.LogInformation("credits e-mail: sent every {Interval}", interval);
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            await RoundAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var round = await scope.ServiceProvider.GetRequiredService<ICreditMail>().RunAsync(dueOnly: true, stoppingToken);
            var flush = round.Flush;
            foreach (var error in flush.Errors)
            {
                log.LogWarning("credits e-mail: {Error}", error);
            }

            if (flush.Sent + flush.Cancelled + round.Expired + round.Warned > 0)
            {
                log.LogInformation(
                    "credits e-mail: sent {Sent} to {Destination}, {Pending} pending, {Cancelled} cancelled; {Expired} code(s) expired, {Warned} expiry warning(s) queued",
                    flush.Sent, flush.Destination, flush.StillPending, flush.Cancelled, round.Expired, round.Warned);
            }
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogError(error, "credits e-mail: this round failed, the next one tries again");
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
