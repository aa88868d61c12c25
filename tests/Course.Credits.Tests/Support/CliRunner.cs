using System.CommandLine;
using Course.Core.Cli;

namespace Course.Credits.Tests.Support;

/// <summary>Runs a <c>credits</c> command in-process as the grader would, capturing its output.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Out, string Error);

    public static async Task<Run> RunAsync(TestCourse course, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = course.BuildHost(output, error);
        var root = new RootCommand { GlobalOptions.Course, GlobalOptions.Json };
        foreach (var command in CreditsModule.Commands(host))
        {
            root.Subcommands.Add(command);
        }

        var exit = await root.Parse([.. args, "--course", course.CourseFile]).InvokeAsync();
        return new Run(exit, output.ToString(), error.ToString());
    }
}
