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
// A course's worker runs all term and is warm when a rush comes (docs/DEPLOYMENT.md): both sides first run one batch of
// jobs, untimed, so that neither is measured compiling its hot paths. The warm-up students are s0000 to s0059.
const int WarmUp = 60;
const string RushOwners = "\"Owner\" >= 's0060'";
var root = Path.Combine(Path.GetTempPath(), $"course-bench-rush-{Guid.NewGuid():N}");
Directory.CreateDirectory(root);
try
{
    Rush.WriteCourse(root, WarmUp + jobs);
    GraderCommand.Run(grader, root, "db", "migrate");
    GraderCommand.Run(grader, root, "roster", "import", "roster.csv");
    GraderCommand.Run(grader, root, "images", "build", Image);
    var batches = Rush.CreateRepositories(root, WarmUp + jobs, Script);
    var warmUpBatch = batches[0];
    batches.RemoveAt(0);

    // Bare sandbox: the same command, mounts and limits, straight through ISandbox.
    var services = new ServiceCollection().AddSingleton(TimeProvider.System)
        .AddSandbox(new ConfigurationBuilder().AddInMemoryCollection().Build()).BuildServiceProvider();
    var sandbox = services.GetRequiredService<ISandbox>();
    var tag = (await services.GetRequiredService<ISandboxImages>().EnsureAsync(Image)).Tag;
    var snapshot = Path.Combine(root, "bare-submission");
    Directory.CreateDirectory(snapshot);
    File.WriteAllText(Path.Combine(snapshot, "run.sh"), Script);
    var limits = new SandboxLimits { Cpus = 1, MemoryBytes = 64L << 20, Pids = 64, Timeout = TimeSpan.FromSeconds(30), TmpBytes = 16L << 20 };

    // Bare runs before and after the pipeline: this machine's speed drifts by 10 % over minutes, and the mean
    // of both sides of the pipeline run cancels most of that drift out of the ratio.
    var bareBusy = new List<double>();
    async Task<double> BareAsync(string pass, int count)
    {
        var next = 0;
        var cpu = CpuClock.Now();
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
        bareBusy.Add(CpuClock.Now().BusySince(cpu));
        return watch.Elapsed.TotalSeconds;
    }

    await BareAsync("warm-up", WarmUp);
    bareBusy.Clear();
    var bareBefore = await BareAsync("before", jobs);

    // Pipeline: one worker process; batches of pushes fetched and queued while it works.
    using var worker = GraderCommand.Start(grader, root, ["worker", "--concurrency", concurrency.ToString(invariant)]);
    // Stopped on every way out: a stalled pipeline throws, and a worker left running would grade on after the bench.
    using var stopWorker = new ProcessGuard(worker);
    using var intake = new RushIntake(grader, root, mode);
    var database = $"Data Source={Path.Combine(root, "course.db")}";
    await intake.WarmUpAsync(warmUpBatch);
    await Rush.UntilGradedAsync(database, WarmUp, worker);
    var workerWarm = CpuClock.Of(worker.Id);
    var intakeWatch = Stopwatch.StartNew();
    var pipelineCpu = CpuClock.Now();
    await intake.DeliverAsync(batches);
    await Rush.UntilQueuedAsync(database, WarmUp + jobs, worker);
    var queuedSeconds = intakeWatch.Elapsed.TotalSeconds;
    var intakeEnded = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
    await Rush.UntilGradedAsync(database, WarmUp + jobs, worker);
    var pipelineBusy = CpuClock.Now().BusySince(pipelineCpu);
    var workerCpu = CpuClock.Of(worker.Id) - workerWarm;
    var intakeCpu = intake.CpuSeconds();
    GraderCommand.Stop(worker);
    var bareAfter = await BareAsync("after", jobs);
    var bareSeconds = (bareBefore + bareAfter) / 2;
    var total = Rush.Scalar(database, $"SELECT count(*) FROM grader_jobs WHERE {RushOwners}");
    var succeeded = Rush.Scalar(database, $"SELECT count(*) FROM grader_jobs WHERE \"State\" = 'Succeeded' AND \"Attempts\" = 1 AND {RushOwners}");
    var results = Rush.Scalar(database, $"SELECT count(*) FROM grader_results WHERE \"Verdict\" = 'Graded' AND \"Score\" = 2 AND {RushOwners}");
    var distinct = Rush.Scalar(database, $"SELECT count(DISTINCT \"Owner\") FROM grader_results WHERE {RushOwners}");
    var span = (Rush.Scalar(database, $"SELECT max(\"FinishedAt\") - min(\"StartedAt\") FROM grader_jobs WHERE {RushOwners}")) / 1000.0;
    if (total != jobs || succeeded != jobs || results != jobs || distinct != jobs)
    {
        throw new InvalidOperationException($"lost or doubled: {total} jobs, {succeeded} succeeded on the first attempt, {results} graded results, {distinct} students");
    }

    var duringIntake = Rush.Scalar(database, $"SELECT count(*) FROM grader_jobs WHERE \"FinishedAt\" <= {intakeEnded} AND {RushOwners}");
    var intakeSpan = (intakeEnded - Rush.Scalar(database, $"SELECT min(\"StartedAt\") FROM grader_jobs WHERE {RushOwners}")) / 1000.0;
    var bare = jobs / bareSeconds;
    var pipeline = jobs / span;
    Console.WriteLine(string.Create(invariant, $"{jobs} submissions queued in {queuedSeconds:0.0} s by {intake.Describe(batches.Count)}; all graded once ({total} jobs, {results} results)"));
    Console.WriteLine(string.Create(invariant, $"bare sandbox: {bare:0.00} jobs/s ({bareBefore:0.0} s before, {bareAfter:0.0} s after the pipeline); pipeline: {pipeline:0.00} jobs/s (first claim to last result {span:0.0} s), concurrency {concurrency}"));
    Console.WriteLine(string.Create(invariant,
        $"profile: machine busy {bareBusy.Average():P0} in the bare runs, {pipelineBusy:P0} in the pipeline run; intake {intakeCpu:0.0} s CPU ({1000 * intakeCpu / jobs:0} ms per push), "
        + $"worker {1000 * workerCpu / jobs:0} ms CPU per job (its start and first {WarmUp} jobs: {1000 * workerWarm / WarmUp:0} ms per job); "
        + $"pipeline {duringIntake / intakeSpan:0.00} jobs/s while intake ran, {(jobs - duringIntake) / (span - intakeSpan):0.00} after"));
    Console.WriteLine(string.Create(invariant, $"rush: ratio {pipeline / bare:0.00} (pipeline vs bare sandbox throughput, {jobs} jobs, intake {mode})"));
}
finally
{
    Directory.Delete(root, recursive: true);
}
