using System.Diagnostics;

/// <summary>
/// Stops a long-running <c>grader</c> process (a worker, a server) when disposed, on success, on an exception and
/// when this process is asked to end (SIGTERM, Ctrl-C), so a benchmark never leaves one behind.
/// </summary>
internal sealed class ProcessGuard : IDisposable
{
    private readonly Process _process;

    public ProcessGuard(Process process)
    {
        _process = process;
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        Console.CancelKeyPress += OnExit;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        Console.CancelKeyPress -= OnExit;
        Stop();
    }

    private void OnExit(object? sender, EventArgs e) => Stop();

    private void Stop()
    {
        try
        {
            GraderCommand.Stop(_process, TimeSpan.FromSeconds(20));
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing left to stop.
        }
    }
}
