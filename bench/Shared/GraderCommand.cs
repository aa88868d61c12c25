using System.Diagnostics;
using System.Globalization;

/// <summary>Runs the built <c>grader</c> of a benchmark: a command to completion, or a long-running process (worker, serve).</summary>
internal static class GraderCommand
{
    public static void Run(string grader, string root, params string[] args)
    {
        using var process = Start(grader, root, args);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"grader {string.Join(' ', args)} failed ({process.ExitCode}): {process.StandardError.ReadToEnd()}");
        }
    }

    /// <summary>Runs a command and returns what it printed (a token, say).</summary>
    public static string Output(string grader, string root, params string[] args)
    {
        using var process = Start(grader, root, args, drainOutput: false);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"grader {string.Join(' ', args)} failed ({process.ExitCode}): {process.StandardError.ReadToEnd()}");
    }

    public static Process Start(string grader, string root, string[] args, bool drainOutput = true)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "exec", grader }.Concat(args))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Queue__PollSeconds"] = "0.1";
        var process = Process.Start(start)!;
        if (drainOutput)
        {
            // A chatty process must never block on a full pipe.
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
        }

        return process;
    }

    /// <summary>
    /// SIGTERM, then waits for the process to hand back what it holds; one that has not ended after
    /// <paramref name="patience"/> (default 60 s) is killed with its children.
    /// </summary>
    public static void Stop(Process process, TimeSpan? patience = null)
    {
        if (process.HasExited)
        {
            return;
        }

        Signal(process, "-TERM");
        if (!process.WaitForExit(patience ?? TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>Sends <paramref name="signal"/> (<c>-TERM</c>, <c>-STOP</c>, <c>-CONT</c>) with kill(1); an ended process is left alone.</summary>
    public static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", [signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
