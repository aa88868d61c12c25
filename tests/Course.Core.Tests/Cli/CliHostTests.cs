using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;

namespace Course.Core.Tests.Cli;

public sealed class CliHostTests
{
    [Theory]
    [InlineData("ok", ExitCodes.Ok)]
    [InlineData("bad", ExitCodes.BadInput)]
    [InlineData("missing", ExitCodes.BadInput)]
    [InlineData("failed", ExitCodes.Failure)]
    public async Task Handle_Outcome_MapsToExitCode(string outcome, int expected)
    {
        var (root, _, _) = CreateSut(_ => outcome switch
        {
            "bad" => throw new BadInputException("roster.csv:3: email 'x' is not an e-mail address"),
            "missing" => throw new NotFoundException("assignment 'hw9' is not in course.json"),
            "failed" => throw new WorkFailedException("Docker engine is not running"),
            _ => Task.FromResult(0),
        });

        var exit = await root.Parse(["run"]).InvokeAsync();

        Assert.Equal(expected, exit);
    }

    [Fact]
    public async Task Handle_BadInput_PrintsMessageToError()
    {
        var (root, output, error) = CreateSut(_ => throw new BadInputException("assignments[2].deadline: 2026-02-30T23:59 is not a date"));

        await root.Parse(["run"]).InvokeAsync();

        Assert.Equal("error: assignments[2].deadline: 2026-02-30T23:59 is not a date", error.ToString().Trim());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task Handle_CourseOption_ResolvesPathsFromIt()
    {
        string? seen = null;
        var (root, _, _) = CreateSut(context =>
        {
            seen = context.Service<CoursePaths>().Directory;
            return Task.FromResult(0);
        });

        await root.Parse(["run", "--course", "/srv/dl/course.json"]).InvokeAsync();

        Assert.Equal("/srv/dl", seen);
    }

    private static (RootCommand Root, StringWriter Output, StringWriter Error) CreateSut(Func<CommandContext, Task<int>> action)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost((_, _) => { }) { Out = output, Error = error };
        var run = new Command("run");
        host.Handle(run, action);
        var root = new RootCommand { run };
        root.Options.Add(GlobalOptions.Course);
        root.Options.Add(GlobalOptions.Json);
        return (root, output, error);
    }
}
