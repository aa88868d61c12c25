using System.Diagnostics;
using System.Globalization;
using Course.Sandbox;
using Course.Sandbox.Images;
using Course.Sandbox.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Deadline rush: the whole pipeline (intake, durable queue, worker process, sandbox, host-side
// checks, feedback, results) against bare sandbox runs of the same job, same concurrency, same run.
var grader = Path.GetFullPath(args[0]);
var jobs = int.Parse(args[1], CultureInfo.InvariantCulture);
var concurrency = int.Parse(args[2], CultureInfo.InvariantCulture);
var mode = args[3];
if (!RushIntake.Modes.Contains(mode))
{
    throw new ArgumentException($"intake '{mode}' is not one of {string.Join(", ", RushIntake.Modes)}");
}

const string Image = "course-busybox";
const string Script = "echo '{\"sum\": 42, \"items\": [1, 2, 3]}' > /out/result.json\n";
var invariant = CultureInfo.InvariantCulture;
// A course's worker and intake run all term and are warm when a rush comes (docs/DEPLOYMENT.md): both sides first run
// jobs untimed, so that neither is measured compiling its hot paths. The warm-up students are s0000 to s0059; their
// pushes arrive in three batches, two seconds apart.
const int WarmUp = 60;
var warmUpGap = TimeSpan.FromSeconds(2);
// The two sides take turns, in rounds, so that a change in this machine's speed over minutes meets both alike: bare,
// pipeline, pipeline, bare, bare, pipeline, ... Each pipeline round's pushes arrive in batches a second apart, faster
// than they are graded, so the worker always has a backlog while the intake works.
const int Rounds = 4;
const int BatchesPerRound = 3;
var rushGap = TimeSpan.FromSeconds(1);
if (jobs <= 0 || jobs % (Rounds * BatchesPerRound) != 0)
{
    throw new ArgumentException($"JOBS must be a positive multiple of {Rounds * BatchesPerRound}: {Rounds} rounds of {BatchesPerRound} batches");
}

var perRound = jobs / Rounds;
var root = Path.Combine(Path.GetTempPath(), $"course-bench-rush-{Guid.NewGuid():N}");
Directory.CreateDirectory(root);
try
{
    Rush.WriteCourse(root, WarmUp + jobs);
    GraderCommand.Run(grader, root, "db", "migrate");
    GraderCommand.Run(grader, root, "roster", "import", "roster.csv");
    GraderCommand.Run(grader, root, "images", "build", Image);
    var repositories = Rush.CreateRepositories(root, WarmUp + jobs, Script);

    // Bare sandbox: the same command, mounts and limits, straight through ISandbox.
    var services = new ServiceCollection().AddSingleton(TimeProvider.System)
        .AddSandbox(new ConfigurationBuilder().AddInMemoryCollection().Build()).BuildServiceProvider();
    var sandbox = services.GetRequiredService<ISandbox>();
    var tag = (await services.GetRequiredService<ISandboxImages>().EnsureAsync(Image)).Tag;
    var snapshot = Path.Combine(root, "bare-submission");
    Directory.CreateDirectory(snapshot);
    File.WriteAllText(Path.Combine(snapshot, "run.sh"), Script);
    var limits = new SandboxLimits { Cpus = 1, MemoryBytes = 64L << 20, Pids = 64, Timeout = TimeSpan.FromSeconds(30), TmpBytes = 16L << 20 };

    var bare = new SideTotals();
    async Task BareAsync(string pass, int count, SideTotals? totals)
    {
        var next = 0;
        var (cpu, self) = (CpuClock.Now(), CpuClock.Of(Environment.ProcessId));
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i <= count)
            {
                var result = await sandbox.RunAsync(new SandboxJob(tag, ["sh", "/submission/run.sh"])
                {
                    JobId = $"rush-bare-{pass}-{i}",
                    Mounts = [new SandboxMount(snapshot, "/submission")],
                    Limits = limits,
                    OutputFolder = Path.Combine(root, $"bare-out-{pass}", i.ToString(invariant)),
                });
                if (result.ExitCode != 0 || result.Outputs.Count != 1)
                {
                    throw new InvalidOperationException($"bare run {i} failed: exit {result.ExitCode}, {result.StderrTail}");
                }
            }
        }));
        totals?.Add(watch.Elapsed.TotalSeconds, CpuClock.Now().BusySince(cpu), CpuClock.Of(Environment.ProcessId) - self);
    }

    await BareAsync("warm-up", WarmUp, totals: null);

    // Pipeline: one worker process; batches of pushes fetched and queued while it works.
    using var worker = GraderCommand.Start(grader, root, ["worker", "--concurrency", concurrency.ToString(invariant)]);
    // Stopped on every way out: a stalled pipeline throws, and a worker left running would grade on after the bench.
    using var stopWorker = new ProcessGuard(worker);
    using var intake = new RushIntake(grader, root, mode);
    var database = $"Data Source={Path.Combine(root, "course.db")}";
    await intake.WarmUpAsync(repositories[..WarmUp].Chunk(WarmUp / 3), warmUpGap);
    await Rush.UntilGradedAsync(database, WarmUp, worker);
    var workerWarm = CpuClock.Of(worker.Id);

    var pipeline = new SideTotals();
    var (intakeCpu, duringIntake, intakeSeconds) = (0.0, 0L, 0.0);
    async Task PipelineAsync(int round)
    {
        var (first, end) = (WarmUp + round * perRound, WarmUp + (round + 1) * perRound);
        var (cpu, workerCpu, intakeStart) = (CpuClock.Now(), CpuClock.Of(worker.Id), intake.CpuSeconds());
        await intake.DeliverAsync(repositories[first..end].Chunk(perRound / BatchesPerRound), rushGap);
        await Rush.UntilQueuedAsync(database, end, worker);
        var intakeEnded = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        await Rush.UntilGradedAsync(database, end, worker);
        var owners = $"\"Owner\" >= '{Rush.Student(first)}' AND \"Owner\" < '{Rush.Student(end)}'";
        var started = Rush.Scalar(database, $"SELECT min(\"StartedAt\") FROM grader_jobs WHERE {owners}");
        var finished = Rush.Scalar(database, $"SELECT max(\"FinishedAt\") FROM grader_jobs WHERE {owners}");
        pipeline.Add((finished - started) / 1000.0, CpuClock.Now().BusySince(cpu), CpuClock.Of(worker.Id) - workerCpu);
        intakeCpu += intake.CpuSeconds() - intakeStart;
        duringIntake += Rush.Scalar(database, $"SELECT count(*) FROM grader_jobs WHERE \"FinishedAt\" <= {intakeEnded} AND {owners}");
        intakeSeconds += (intakeEnded - started) / 1000.0;
    }

    async Task BareRoundAsync(int round)
    {
        // The pipeline's processes are stopped meanwhile: an idle worker polls and an idle intake scans its folder.
        using var paused = new Paused([worker, intake.Running]);
        await BareAsync($"round-{round}", perRound, bare);
    }

    for (var round = 0; round < Rounds; round++)
    {
        if (round % 2 == 0)
        {
            await BareRoundAsync(round);
            await PipelineAsync(round);
        }
        else
        {
            await PipelineAsync(round);
            await BareRoundAsync(round);
        }
    }

    GraderCommand.Stop(worker);
    var rushOwners = $"\"Owner\" >= '{Rush.Student(WarmUp)}'";
    var total = Rush.Scalar(database, $"SELECT count(*) FROM grader_jobs WHERE {rushOwners}");
    var succeeded = Rush.Scalar(database, $"SELECT count(*) FROM grader_jobs WHERE \"State\" = 'Succeeded' AND \"Attempts\" = 1 AND {rushOwners}");
    var results = Rush.Scalar(database, $"SELECT count(*) FROM grader_results WHERE \"Verdict\" = 'Graded' AND \"Score\" = 2 AND {rushOwners}");
    var distinct = Rush.Scalar(database, $"SELECT count(DISTINCT \"Owner\") FROM grader_results WHERE {rushOwners}");
    if (total != jobs || succeeded != jobs || results != jobs || distinct != jobs)
    {
        throw new InvalidOperationException($"lost or doubled: {total} jobs, {succeeded} succeeded on the first attempt, {results} graded results, {distinct} students");
    }

    var (bareRate, pipelineRate) = (jobs / bare.Seconds.Sum(), jobs / pipeline.Seconds.Sum());
    Console.WriteLine(string.Create(invariant,
        $"{jobs} submissions in {Rounds} rounds of {perRound}, each queued by {intake.Describe(BatchesPerRound, rushGap)}; all graded once ({total} jobs, {results} results)"));
    Console.WriteLine(string.Create(invariant,
        $"bare sandbox: {bareRate:0.00} jobs/s ({bare.Describe()} s per round); pipeline: {pipelineRate:0.00} jobs/s (first claim to last result {pipeline.Describe()} s per round), "
        + $"concurrency {concurrency}; the sides take turns: bare, pipeline, pipeline, bare, ..."));
    Console.WriteLine(string.Create(invariant,
        $"profile: machine busy {bare.Busy.Average():P0} in the bare runs, {pipeline.Busy.Average():P0} in the pipeline runs; bare side {1000 * bare.Cpu.Sum() / jobs:0} ms CPU per job; "
        + $"intake {intakeCpu:0.0} s CPU ({1000 * intakeCpu / jobs:0} ms per push), worker {1000 * pipeline.Cpu.Sum() / jobs:0} ms CPU per job "
        + $"(its start and first {WarmUp} jobs: {1000 * workerWarm / WarmUp:0} ms per job); "
        + $"pipeline {duringIntake / intakeSeconds:0.00} jobs/s while intake ran, {(jobs - duringIntake) / (pipeline.Seconds.Sum() - intakeSeconds):0.00} after"));
    Console.WriteLine(string.Create(invariant, $"rush: ratio {pipelineRate / bareRate:0.00} (pipeline vs bare sandbox throughput, {jobs} jobs, intake {mode})"));
}
finally
{
    Directory.Delete(root, recursive: true);
}
