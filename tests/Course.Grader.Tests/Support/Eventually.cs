namespace Course.Grader.Tests.Support;

/// <summary>Waits for a condition of an asynchronous system (a worker process, a container), failing with a message after a generous limit.</summary>
internal static class Eventually
{
    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan limit, Func<string> explain)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"gave up after {limit.TotalSeconds:0} s: {explain()}");
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }
}
