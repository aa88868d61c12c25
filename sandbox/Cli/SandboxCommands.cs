using System.CommandLine;
using System.Globalization;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Sandbox.Limits;
using Course.Sandbox.Running;

namespace Course.Sandbox.Cli;

/// <summary>
/// <c>grader sandbox run --image I [limits] [--mount SRC:DST[:ro]] [--out DIR] -- CMD...</c>: one
/// hardened run, its result JSON printed. Exit 0 when the run happened (whatever the program
/// did), 1 when the infrastructure failed, 2 on bad arguments.
/// </summary>
internal static class SandboxCommands
{
    public static Command Create(CliHost host)
    {
        // Options are parsed here, not by the parser, so a bad value is exit 2 naming the option.
        var image = new Option<string?>("--image") { Description = "A local image, e.g. course-busybox" };
        var memory = new Option<string>("--memory") { Description = "Memory, swap equal", DefaultValueFactory = _ => "512m" };
        var cpus = new Option<string>("--cpus") { Description = "CPU quota (and that many cores)", DefaultValueFactory = _ => "1" };
        var pids = new Option<string>("--pids") { Description = "Process limit", DefaultValueFactory = _ => "256" };
        var timeout = new Option<string>("--timeout") { Description = "Wall clock, then SIGKILL", DefaultValueFactory = _ => "60s" };
        var tmp = new Option<string>("--tmp") { Description = "Size of /tmp", DefaultValueFactory = _ => "256m" };
        var gpus = new Option<string>("--gpus") { Description = "Number of GPUs", DefaultValueFactory = _ => "0" };
        var mounts = new Option<string[]>("--mount") { Description = "SRC:DST[:ro|rw], read-only by default", AllowMultipleArgumentsPerToken = false };
        var environment = new Option<string[]>("--env") { Description = "NAME=VALUE (never a secret)" };
        var output = new Option<string?>("--out") { Description = "Host folder that receives /out (must be empty)" };
        var jobId = new Option<string?>("--job-id") { Description = "Label of the container (course.job)" };
        var command = new Argument<string[]>("command") { Description = "The command, after --", Arity = ArgumentArity.ZeroOrMore };

        var run = new Command("run", "Run a command in a hardened container and print the result JSON")
        {
            image, memory, cpus, pids, timeout, tmp, gpus, mounts, environment, output, jobId, command,
        };
        host.Handle(run, async context =>
        {
            var job = new SandboxJob(
                context.Get(image) is { Length: > 0 } name ? name : throw new BadInputException("--image: required"),
                context.Get(command) is { Length: > 0 } argv ? argv : throw new BadInputException("command: give it after --"))
            {
                JobId = context.Get(jobId),
                Mounts = (context.Get(mounts) ?? []).Select(MountText.Parse).ToArray(),
                Environment = ParseEnvironment(context.Get(environment) ?? []),
                OutputFolder = context.Get(output) is { } folder ? Path.GetFullPath(folder) : null,
                Limits = new SandboxLimits
                {
                    MemoryBytes = LimitText.ParseBytes(context.Get(memory), "--memory"),
                    Cpus = ParseNumber(context.Get(cpus), "--cpus"),
                    Pids = (long)ParseNumber(context.Get(pids), "--pids"),
                    Timeout = LimitText.ParseDuration(context.Get(timeout), "--timeout"),
                    TmpBytes = LimitText.ParseBytes(context.Get(tmp), "--tmp"),
                    Gpus = (int)ParseNumber(context.Get(gpus), "--gpus", allowZero: true),
                },
            };
            var result = await context.Service<ISandbox>().RunAsync(job, context.Cancellation);
            await context.WriteJsonAsync(result);
            return ExitCodes.Ok;
        });
        return new Command("sandbox", "Hardened container runs") { run };
    }

    private static double ParseNumber(string text, string option, bool allowZero = false) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
        && (value > 0 || (allowZero && value == 0))
            ? value
            : throw new BadInputException($"{option}: '{text}' is not a {(allowZero ? "non-negative" : "positive")} number");

    private static Dictionary<string, string> ParseEnvironment(IEnumerable<string> pairs) =>
        pairs.Select(pair => pair.Split('=', 2) is [{ Length: > 0 } key, var value]
                ? (key, value)
                : throw new BadInputException($"--env: '{pair}' is not NAME=VALUE"))
            .ToDictionary(pair => pair.key, pair => pair.value, StringComparer.Ordinal);
}
