using System.Diagnostics;
using System.Globalization;
using Course.Sandbox;
using Course.Sandbox.Images;
using Course.Sandbox.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Per-job overhead and parallel throughput: the runner versus the docker CLI, same image, same run.
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
const string Image = "course-busybox";
var services = new ServiceCollection().AddSingleton(TimeProvider.System)
    .AddSandbox(new ConfigurationBuilder().AddInMemoryCollection().Build()).BuildServiceProvider();
var sandbox = services.GetRequiredService<ISandbox>();
await services.GetRequiredService<ISandboxImages>().EnsureAsync(Image);

var job = new SandboxJob(Image, ["true"]) { Limits = new SandboxLimits { MemoryBytes = 256L << 20, Timeout = TimeSpan.FromSeconds(30) } };
Task Runner() => sandbox.RunAsync(job with { JobId = $"bench-{Guid.NewGuid():N}" });

static async Task Cli()
{
    using var process = Process.Start(new ProcessStartInfo("docker", ["run", "--rm", "--network", "none", Image, "true"])
    {
        RedirectStandardOutput = true, RedirectStandardError = true,
    })!;
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"docker run failed: {await process.StandardError.ReadToEndAsync()}");
    }
}

// Warm up both paths (image cache, HTTP connection, JIT).
for (var i = 0; i < 3; i++)
{
    await Runner();
    await Cli();
}

// Interleaved so drift on the machine affects both sides alike.
var runner = new List<double>();
var cli = new List<double>();
for (var i = 0; i < runs; i++)
{
    runner.Add(await Time(Runner));
    cli.Add(await Time(Cli));
}

var cores = Environment.ProcessorCount;
var parallelRunner = await Throughput(Runner, runs, cores);
var parallelCli = await Throughput(Cli, runs, cores);
var ratio = Median(runner) / Median(cli);
Console.WriteLine($"sequential, {runs} jobs each: runner median {Median(runner):0} ms (mean {runner.Average():0}), docker run median {Median(cli):0} ms (mean {cli.Average():0})");
Console.WriteLine($"parallel on {cores} cores, {runs} jobs each: runner {parallelRunner:0.0} jobs/s, docker run {parallelCli:0.0} jobs/s");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sandbox: ratio {ratio:0.00} (runner vs docker run, per job)"));

static async Task<double> Time(Func<Task> work)
{
    var watch = Stopwatch.StartNew();
    await work();
    return watch.Elapsed.TotalMilliseconds;
}

static async Task<double> Throughput(Func<Task> work, int jobs, int workers)
{
    var next = 0;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) <= jobs)
        {
            await work();
        }
    }));
    return jobs / watch.Elapsed.TotalSeconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
}
