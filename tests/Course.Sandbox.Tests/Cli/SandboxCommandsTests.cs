using System.CommandLine;
using System.Text.Json;
using Course.Core.Cli;
using Course.Sandbox.Tests.Support;

namespace Course.Sandbox.Tests.Cli;

[Collection(EngineCollection.Name)]
public sealed class SandboxCommandsTests(EngineFixture engine)
{
    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost((services, configuration) => services.AddSandbox(configuration)) { Out = output, Error = error };
        var root = new RootCommand { Options = { GlobalOptions.Course, GlobalOptions.Json } };
        foreach (var command in SandboxModule.Commands(host))
        {
            root.Subcommands.Add(command);
        }

        var exit = await root.Parse(args).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Run_ProgramFails_PrintsResultJsonAndExitsZero()
    {
        _ = engine;
        var (exit, output, _) = await RunAsync("sandbox", "run", "--image", EngineFixture.Image, "--memory", "64m",
            "--timeout", "10s", "--job-id", EngineFixture.NewJobId("cli"), "--", "sh", "-c", "echo hi; exit 3");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(3, json.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal("hi\n", json.RootElement.GetProperty("stdoutTail").GetString());
        // docs/ARCHITECTURE.md's sandbox result, in its order, then the sampled peak memory (null when not sampled), the fork-bomb stop and the output stop.
        Assert.Equal(
            ["exitCode", "oomKilled", "timedOut", "wallMs", "stdoutTail", "stderrTail", "outputs", "rejected", "peakMemoryBytes", "processLimitHit", "outputLimitHit"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("--memory", "lots")]
    [InlineData("--cpus", "-1")]
    [InlineData("--timeout", "0s")]
    [InlineData("--mount", "nowhere")]
    public async Task Run_BadArgument_ExitsTwoNamingIt(string option, string value)
    {
        var (exit, _, error) = await RunAsync("sandbox", "run", "--image", EngineFixture.Image, option, value, "--", "true");

        Assert.Equal(2, exit);
        Assert.Contains(option, error);
    }

    [Fact]
    public async Task Run_NoCommand_ExitsTwo() =>
        Assert.Equal(2, (await RunAsync("sandbox", "run", "--image", EngineFixture.Image)).Exit);

    [Fact]
    public async Task Run_MissingImage_ExitsOneWithClearMessage()
    {
        var (exit, _, error) = await RunAsync("sandbox", "run", "--image", "course-missing-image", "--", "true");

        Assert.Equal(1, exit);
        Assert.Contains("grader images build", error);
    }

    [Fact]
    public async Task ImagesBuild_Cached_ReportsUpToDate()
    {
        var (exit, output, _) = await RunAsync("images", "build", EngineFixture.Image);

        Assert.Equal(0, exit);
        Assert.Contains("up to date", output);
    }

    [Fact]
    public async Task ImagesBuild_UnknownName_ExitsTwo() =>
        Assert.Equal(2, (await RunAsync("images", "build", "course-nope")).Exit);
}
