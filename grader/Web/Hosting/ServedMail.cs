using Course.Credits.Outbox;
using Course.Grader.Grades.Notices;

namespace Course.Grader.Web.Hosting;

/// <summary>
/// Sends the course's e-mail while <c>grader serve</c> runs: one round when the server starts, then one
/// every <c>--mail-every</c>, so codes issued or requested and notices queued by any process (grades released,
/// regrades answered, and the deadline reminders this round queues) reach students without a separate
/// <c>grader credits send</c>. A round skips messages whose retry time has not come (a dead SMTP
/// server is retried with backoff, each message keeping its error). A round that writes messages to the
/// .eml folder instead (no SMTP host) warns where the clear-text codes are.
/// </summary>
internal sealed class ServedMail(IServiceScopeFactory scopes, TimeSpan interval, TimeProvider clock, ILogger<ServedMail> log)
    : PeriodicRounds(scopes, interval, clock, log)
{
    protected override string Name => "credits e-mail";

    protected override async Task RunRoundAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var reminders = await services.GetRequiredService<DeadlineReminders>().QueueDueAsync(stoppingToken);
        if (reminders > 0)
        {
            log.LogInformation("course e-mail: {Reminders} deadline reminder(s) queued", reminders);
        }

        var round = await services.GetRequiredService<ICreditMail>().RunAsync(dueOnly: true, stoppingToken);
        var flush = round.Flush;
        foreach (var error in flush.Errors)
        {
            log.LogWarning("credits e-mail: {Error}", error);
        }

        if (flush.Sent > 0 && flush.ClearTextWarning is { } warning)
        {
            log.LogWarning("credits e-mail: {Warning}", warning);
        }

        if (flush.Sent + flush.Cancelled + round.Expired + round.Warned > 0)
        {
            log.LogInformation(
                "credits e-mail: sent {Sent} to {Destination}, {Pending} pending, {Cancelled} cancelled; {Expired} code(s) expired, {Warned} expiry warning(s) queued",
                flush.Sent, flush.Destination, flush.StillPending, flush.Cancelled, round.Expired, round.Warned);
        }
    }
}
