using System.Diagnostics;

/// <summary>Stops processes (SIGSTOP) until disposed (SIGCONT): meanwhile they use no CPU, then they go on where they were.</summary>
internal sealed class Paused : IDisposable
{
    private readonly Process[] _processes;

    public Paused(IEnumerable<Process?> processes)
    {
        _processes = processes.OfType<Process>().ToArray();
        Signal("-STOP");
    }

    public void Dispose() => Signal("-CONT");

    /// <summary>A process that has ended is left alone; the benchmark notices it on its next wait.</summary>
    private void Signal(string signal)
    {
        foreach (var process in _processes)
        {
            GraderCommand.Signal(process, signal);
        }
    }
}
