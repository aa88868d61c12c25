using System.Diagnostics;

namespace Course.Credits.Tests.Support;

/// <summary>Starts the test-only console (tests/Course.Credits.ProcessHarness) as a separate OS process.</summary>
internal static class Harness
{
    public sealed record Run(int ExitCode, string Out, string Error);

    /// <summary>The harness is built beside this test project (same configuration) through a build-only project reference.</summary>
    public static string Dll
    {
        get
        {
            // .../tests/Course.Credits.Tests/bin/{Configuration}/{tfm}/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var tfm = output.Name;
            var configuration = output.Parent!.Name;
            var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
            var dll = Path.Combine(tests, "Course.Credits.ProcessHarness", "bin", configuration, tfm, "Course.Credits.ProcessHarness.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"build tests/Course.Credits.ProcessHarness first: {dll} is missing");
        }
    }

    public static Process Start(TestCourse course, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, .. args, "--course", course.CourseFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in course.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("the harness did not start");
    }

    public static async Task<Run> WaitAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output, await error);
    }
}
