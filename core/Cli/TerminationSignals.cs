using System.Runtime.InteropServices;

namespace Course.Core.Cli;

/// <summary>
/// SIGTERM and Ctrl-C (SIGINT) for the life of a command: the first one cancels <see cref="Token"/>, on the thread pool,
/// so that the signal's handler returns at once and the command winds down on its own threads.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration _terminate;
    private readonly PosixSignalRegistration _interrupt;
    private int _exitCode;

    public TerminationSignals()
    {
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    }

    public CancellationToken Token => _cancellation.Token;

    /// <summary>The shell's code for the signal that came: 143 for SIGTERM, 130 for SIGINT.</summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>Completes <paramref name="patience"/> after the first signal: the command has had its time to end.</summary>
    public async Task PatienceAsync(TimeSpan patience)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.Delay(patience);
    }

    public void Dispose()
    {
        _terminate.Dispose();
        _interrupt.Dispose();
        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.CompareExchange(ref _exitCode, context.Signal == PosixSignal.SIGINT ? 130 : 143, 0) == 0)
        {
            _ = _cancellation.CancelAsync();
        }
    }
}
