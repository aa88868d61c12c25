using System.Diagnostics;
using System.Globalization;

/// <summary>
/// How the rush's pushes reach the queue, in batches of repositories. <c>timer</c>: a new <c>grader fetch --grade</c>
/// process for each batch, as a timer would start it. <c>every</c>: one <c>grader fetch --grade --every 1s</c> running all
/// along (started before the warm-up, as a course's would be), over a folder the batches are moved into.
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
    private int _batches;

    public static IReadOnlyList<string> Modes { get; } = ["every", "timer"];

    /// <summary>The long-running intake, when there is one: it is paused while the bare side runs.</summary>
    public Process? Running => _every;

    public string Describe(int batches, TimeSpan gap) => mode == "timer"
        ? $"{batches} fetch --grade rounds (a new process each)"
        : $"one fetch --grade --every 1s process ({batches} batches moved in {gap.TotalSeconds:0} s apart)";

    /// <summary>Queues the warm-up batches, <paramref name="gap"/> apart; with <c>every</c>, starts the long-running intake first.</summary>
    public async Task WarmUpAsync(IEnumerable<IReadOnlyList<string>> batches, TimeSpan gap)
    {
        if (mode == "every")
        {
            Directory.CreateDirectory(_incoming);
            _every = GraderCommand.Start(grader, root, ["fetch", "hw1", "--source", "local", "--repos", _incoming, "--grade", "--every", "1s"]);
            _stopEvery = new ProcessGuard(_every);
        }

        await DeliverAsync(batches, gap);
    }

    /// <summary>
    /// The intake's CPU seconds so far, its git processes included: the long-running process's own (it reaps its git
    /// processes), or this process's reaped children (the ended fetch rounds).
    /// </summary>
    public double CpuSeconds() => _every is null ? CpuClock.Now().Children : CpuClock.Of(_every.Id);

    /// <summary>Delivers the batches, <paramref name="gap"/> apart; returns when they are all handed over (queued, for <c>timer</c>).</summary>
    public async Task DeliverAsync(IEnumerable<IReadOnlyList<string>> batches, TimeSpan gap)
    {
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

            MoveIn(batch, _incoming);
            await Task.Delay(gap);
        }
    }

    public void Dispose()
    {
        _stopEvery?.Dispose();
        _every?.Dispose();
    }

    private void Fetch(IReadOnlyList<string> batch)
    {
        var folder = Path.Combine(root, "batches", (_batches++).ToString("D3", CultureInfo.InvariantCulture));
        MoveIn(batch, folder);
        GraderCommand.Run(grader, root, "fetch", "hw1", "--source", "local", "--repos", folder, "--grade");
    }

    /// <summary>Each repository arrives whole: a rename within one file system.</summary>
    private static void MoveIn(IEnumerable<string> repositories, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var repository in repositories)
        {
            Directory.Move(repository, Path.Combine(folder, Path.GetFileName(repository)));
        }
    }
}
