using System.Diagnostics;

/// <summary>
/// How the rush's pushes reach the queue. <c>timer</c>: a new <c>grader fetch --grade</c> process for each batch, as a
/// timer would start it. <c>every</c>: one <c>grader fetch --grade --every 1s</c> running all along (started before the
/// warm-up, as a course's would be), over a folder the batches are moved into, one every two seconds.
/// </summary>
/// <remarks>
/// The warm-up's pushes reach a long-running intake in three rounds, as pushes trickle in before a deadline: the runtime
/// recompiles a method it has seen called often only once its start-up has settled, so after a single round the intake
/// was still compiling during the rush (43 % of its CPU there went to the JIT, against 4 % after three rounds).
/// </remarks>
internal sealed class RushIntake(string grader, string root, string mode) : IDisposable
{
    private readonly string _incoming = Path.Combine(root, "incoming");
    private Process? _every;
    private ProcessGuard? _stopEvery;
    private const int WarmUpRoundSize = 20;
    private static readonly TimeSpan BatchGap = TimeSpan.FromSeconds(2);
    private CpuClock _start;
    private double _everyStart;

    public static IReadOnlyList<string> Modes { get; } = ["every", "timer"];

    public string Describe(int batches) => mode == "timer"
        ? $"{batches} fetch --grade rounds (a new process each)"
        : $"one fetch --grade --every 1s process ({batches} batches moved in 2 s apart)";

    /// <summary>Queues the warm-up batch; with <c>every</c>, starts the long-running intake first.</summary>
    public async Task WarmUpAsync(string batch)
    {
        if (mode == "timer")
        {
            Fetch(batch);
            return;
        }

        Directory.CreateDirectory(_incoming);
        _every = GraderCommand.Start(grader, root, ["fetch", "hw1", "--source", "local", "--repos", _incoming, "--grade", "--every", "1s"]);
        _stopEvery = new ProcessGuard(_every);
        foreach (var round in Directory.EnumerateDirectories(batch).Order(StringComparer.Ordinal).Chunk(WarmUpRoundSize))
        {
            MoveIn(round);
            await Task.Delay(BatchGap);
        }
    }

    /// <summary>Delivers the batches; returns when they are all handed over (queued, for <c>timer</c>).</summary>
    public async Task DeliverAsync(IReadOnlyList<string> batches)
    {
        _start = CpuClock.Now();
        _everyStart = _every is null ? 0 : CpuClock.Of(_every.Id);
        foreach (var batch in batches)
        {
            if (_every is null)
            {
                Fetch(batch);
                continue;
            }

            if (_every.HasExited)
            {
                throw new InvalidOperationException("grader fetch --every ended");
            }

            MoveIn(Directory.EnumerateDirectories(batch));
            await Task.Delay(BatchGap);
        }
    }

    /// <summary>The intake's CPU seconds since the first batch: the ended rounds, or the running process so far.</summary>
    public double CpuSeconds() => _every is null ? CpuClock.Now().ChildrenSince(_start) : CpuClock.Of(_every.Id) - _everyStart;

    public void Dispose()
    {
        _stopEvery?.Dispose();
        _every?.Dispose();
    }

    private void Fetch(string batch) => GraderCommand.Run(grader, root, "fetch", "hw1", "--source", "local", "--repos", batch, "--grade");

    /// <summary>Each repository arrives whole: a rename within one file system.</summary>
    private void MoveIn(IEnumerable<string> repositories)
    {
        foreach (var repository in repositories)
        {
            Directory.Move(repository, Path.Combine(_incoming, Path.GetFileName(repository)));
        }
    }
}
