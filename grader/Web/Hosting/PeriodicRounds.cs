namespace Course.Grader.Web.Hosting;

/// <summary>
/// Work <c>grader serve</c> does in rounds: one when the server starts, then one every interval, each in its
/// own service scope. A failed round is logged and the next one tries again, so a database hiccup or a dead
/// mail server never stops the loop.
/// </summary>
internal abstract class PeriodicRounds(IServiceScopeFactory scopes, TimeSpan interval, TimeProvider clock, ILogger log) : BackgroundService
{
    /// <summary>What the log calls this work, e.g. "credits e-mail".</summary>
    protected abstract string Name { get; }

    protected abstract Task RunRoundAsync(IServiceProvider services, CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        log.LogInformation("{Name}: every {Interval}", Name, interval);
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunRoundAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(error, "{Name}: this round failed, the next one tries again", Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
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
