using System.CommandLine;
using System.Globalization;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
            seen = context.Service<CoursePaths>().Directory + "|" + context.Course.Directory;
            return Task.FromResult(0);
        });

        await root.Parse(["run", "--course", "/srv/dl/course.json"]).InvokeAsync();

        Assert.Equal("/srv/dl|/srv/dl", seen);
    }

    [Fact]
    public async Task Handle_ActionUsingNoService_BuildsNoServices()
    {
        var configured = 0;
        var (root, _, _) = CreateSut(context => Task.FromResult(context.Course.CourseFile.Length > 0 ? 0 : 1),
            (_, _) => configured++);

        var exit = await root.Parse(["run", "--course", "/srv/dl/course.json"]).InvokeAsync();

        Assert.Equal((0, 0), (exit, configured));
    }

    [Fact]
    public async Task Handle_BadSettingOfAModule_ExitsTwoNamingTheKeyBeforeTheAction()
    {
        var worked = false;
        var (root, _, error) = CreateSut(context =>
            {
                _ = context.Services;
                worked = true;
                return Task.FromResult(0);
            },
            (services, configuration) => services.AddSettings(_ =>
                new SettingsSection(configuration, "Mail").Integer("Port", 25, 1, 65535).ToString(CultureInfo.InvariantCulture)),
            new Dictionary<string, string?> { ["Mail:Port"] = "abc" });

        var exit = await root.Parse(["run"]).InvokeAsync();

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.False(worked);
        Assert.Equal("error: Mail:Port: 'abc' is not a whole number from 1 to 65535", error.ToString().Trim());
    }

    [Fact]
    public void Configure_ClockNow_GivesEveryServiceTheRehearsedTime()
    {
        var host = new CliHost((_, _) => { }, new Dictionary<string, string?> { ["Clock:Now"] = "2030-01-01T00:00:00Z" });
        var services = new ServiceCollection();

        host.Configure(services, "/srv/dl/course.json");

        using var provider = services.BuildServiceProvider();
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.InRange(now, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 1, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal("/srv/dl", provider.GetRequiredService<CoursePaths>().Directory);
    }

    private static (RootCommand Root, StringWriter Output, StringWriter Error) CreateSut(Func<CommandContext, Task<int>> action,
        Action<IServiceCollection, IConfiguration>? configure = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost(configure ?? ((_, _) => { }), overrides) { Out = output, Error = error };
        var run = new Command("run");
        host.Handle(run, action);
        var root = new RootCommand { run };
        root.Options.Add(GlobalOptions.Course);
        root.Options.Add(GlobalOptions.Json);
        return (root, output, error);
    }
}
