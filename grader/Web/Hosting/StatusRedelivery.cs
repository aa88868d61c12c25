using Course.Grader.Intake.Statuses;

namespace Course.Grader.Web.Hosting;

/// <summary>
/// Sets the commit statuses GitHub refused when results were recorded (by this process or by
/// <c>grader worker</c> processes): every half minute, those whose next attempt is due (see <see cref="StatusDeliveries"/>).
/// </summary>
internal sealed class StatusRedelivery(IServiceScopeFactory scopes, TimeProvider clock, ILogger<StatusRedelivery> log)
    : PeriodicRounds(scopes, Interval, clock, log)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override string Name => "commit statuses";

    protected override async Task RunRoundAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var delivered = await services.GetRequiredService<StatusDeliveries>().RedeliverDueAsync(stoppingToken);
        if (delivered > 0)
        {
            log.LogInformation("commit statuses: {Delivered} set after an earlier failure", delivered);
        }
    }
}
