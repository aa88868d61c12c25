using System.CommandLine;
using Course.Core.Cli;

namespace Course.Grader.Tests.Composition;

/// <summary>Every command of <c>grader</c> answers a command line it cannot parse with exit code 2 (bad input).</summary>
public sealed class ParseErrorExitCodeTests
{
    private static readonly RootCommand Root = GraderCli.Build(new CliHost(GraderCli.AddModules));

    public static TheoryData<string> Commands()
    {
        var paths = new TheoryData<string>();
        foreach (var path in Leaves(Root, []))
        {
            paths.Add(path);
        }

        return paths;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_UnknownOption_ExitsTwoNamingIt(string command)
    {
        if (Find(command).Arguments.Any(a => a.Arity.MaximumNumberOfValues > 1))
        {
            return; // the command's own argv (sandbox run -- CMD...) takes any token, options included
        }

        // Every argument gets a value, or an optional one would take the unknown option as its value.
        var arguments = Find(command).Arguments.Select(_ => "x");
        var (exit, error) = await RunAsync([.. command.Split(' '), .. arguments, "--no-such-option"]);

        Assert.Equal(2, exit);
        Assert.Contains("--no-such-option", error);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_MissingArgument_ExitsTwo(string command)
    {
        var required = Find(command).Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0).ToList();
        if (required.Count == 0)
        {
            return; // nothing to leave out
        }

        var (exit, error) = await RunAsync(command.Split(' '));

        Assert.Equal(2, exit);
        Assert.NotEmpty(error);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_NumberOptionGivenText_ExitsTwo(string command)
    {
        var number = Find(command).Options.FirstOrDefault(o => o.ValueType == typeof(int) || o.ValueType == typeof(int?)
                                                             || o.ValueType == typeof(double) || o.ValueType == typeof(long));
        if (number is null)
        {
            return; // this command takes no number
        }

        var (exit, _) = await RunAsync([.. command.Split(' '), .. RequiredArguments(command), number.Name, "not-a-number"]);

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo() => Assert.Equal(2, (await RunAsync(["no-such-command"])).Exit);

    [Fact]
    public async Task Help_ExitsZero() => Assert.Equal(0, (await RunAsync(["--help"])).Exit);

    private static async Task<(int Exit, string Error)> RunAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost(GraderCli.AddModules) { Out = output, Error = error };
        var exit = await GraderCli.RunAsync(args, host);
        return (exit, error.ToString());
    }

    /// <summary>A value for each required argument, so the parser's error is about the token under test.</summary>
    private static IEnumerable<string> RequiredArguments(string command) =>
        Find(command).Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0).Select(_ => "x");

    private static Command Find(string path) =>
        path.Split(' ').Aggregate((Command)Root, (command, name) => command.Subcommands.Single(c => c.Name == name));

    private static IEnumerable<string> Leaves(Command command, List<string> path) =>
        command.Subcommands.Count == 0
            ? [string.Join(' ', path)]
            : command.Subcommands.SelectMany(sub => Leaves(sub, [.. path, sub.Name]));
}
