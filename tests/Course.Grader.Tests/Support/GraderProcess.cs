using System.Collections.Concurrent;
using System.Diagnostics;

namespace Course.Grader.Tests.Support;

/// <summary>A real <c>grader</c> OS process (for kill -9 and multi-worker tests), its output collected line by line.</summary>
internal sealed class GraderProcess : IDisposable
{
    private readonly Process _process;

    private GraderProcess(Process process) => _process = process;

    public ConcurrentQueue<string> Lines { get; } = new();

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static GraderProcess Start(TestCourse course, params string[] args) => StartWith(course, new Dictionary<string, string>(), args);

    /// <summary>Starts <c>grader</c> with <paramref name="settings"/> (e.g. <c>Sandbox:Gpus</c>) on top of the course's.</summary>
    public static GraderProcess StartWith(TestCourse course, IReadOnlyDictionary<string, string> settings, params string[] args) =>
        Launch(course, course.Directory, course.CourseFile, settings, args);

    /// <summary>
    /// Starts <c>grader</c> in <paramref name="folder"/>, which gets a copy of course.json and nothing else: the process
    /// shares only the course's database with the others (its scratch space, grading/, is its own).
    /// </summary>
    public static GraderProcess StartIn(TestCourse course, string folder, params string[] args)
    {
        Directory.CreateDirectory(folder);
        var courseFile = Path.Combine(folder, "course.json");
        File.Copy(course.CourseFile, courseFile, overwrite: true);
        return Launch(course, folder, courseFile, new Dictionary<string, string>(), args);
    }

    private static GraderProcess Launch(TestCourse course, string folder, string courseFile, IReadOnlyDictionary<string, string> settings,
        string[] args)
    {
        var grader = Path.Combine(AppContext.BaseDirectory, "grader.dll");
        Assert.True(File.Exists(grader), $"{grader} is missing: the test project must reference the grader project");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in new[] { "exec", grader }.Concat(args).Concat(["--course", courseFile]))
        {
            start.ArgumentList.Add(argument);
        }

        course.ApplyTo(start);
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new GraderProcess(Process.Start(start)!);
        process._process.OutputDataReceived += (_, e) => { if (e.Data is not null) { process.Lines.Enqueue(e.Data); } };
        process._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { process.Lines.Enqueue($"stderr: {e.Data}"); } };
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>SIGKILL: no chance to clean up, as when a machine dies.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, then waits for a graceful exit; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan patience)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits for the process to end by itself; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public string Output => string.Join('\n', Lines);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
