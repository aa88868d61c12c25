using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Course.Core.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Core.Cli;

/// <summary>
/// Runs command actions: builds the services for the chosen course, maps failures to the exit
/// codes of the contract (0 ok, 1 failure of the work, 2 bad input) and prints their messages.
/// </summary>
public sealed partial class CliHost
{
    private readonly Action<IServiceCollection, IConfiguration> _configure;
    private readonly IReadOnlyDictionary<string, string?> _overrides;

    /// <param name="configure">Registers every module's services.</param>
    /// <param name="overrides">Configuration that wins over environment variables (tests use it).</param>
    public CliHost(Action<IServiceCollection, IConfiguration> configure,
        IReadOnlyDictionary<string, string?>? overrides = null)
    {
        _configure = configure;
        _overrides = overrides ?? new Dictionary<string, string?>();
    }

    /// <summary>Output writers; the console by default.</summary>
    public TextWriter Out { get; init; } = Console.Out;

    public TextWriter Error { get; init; } = Console.Error;

    /// <summary>
    /// Parses and runs a command line. A parse error (an unknown command or option, a missing argument, a value
    /// of the wrong type) is bad input: the parser's message and exit code 2, as for every other bad input.
    /// </summary>
    public async Task<int> InvokeAsync(RootCommand root, IReadOnlyList<string> args)
    {
        var parse = root.Parse(args);
        var exit = await parse.InvokeAsync(new InvocationConfiguration { Output = Out, Error = Error });
        return parse.Errors.Count > 0 ? ExitCodes.BadInput : exit;
    }

    /// <summary>Attaches <paramref name="action"/> to <paramref name="command"/>; its result is the exit code.</summary>
    public void Handle(Command command, Func<CommandContext, Task<int>> action) =>
        command.SetAction((parse, cancellation) => RunAsync(parse, action, cancellation));

    /// <summary>Builds the service provider for one course file, as a command would get it.</summary>
    public ServiceProvider BuildServices(string courseFile)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(_overrides)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(new CoursePaths(Path.GetFullPath(courseFile)));
        services.AddSingleton(Clock(configuration));
        _configure(services, configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static TimeProvider Clock(IConfiguration configuration)
    {
        if (configuration["Clock:Now"] is not { Length: > 0 } now)
        {
            return TimeProvider.System;
        }

        return DateTimeOffset.TryParse(now, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            ? new RehearsalClock(start, TimeProvider.System)
            : throw new BadInputException($"Clock__Now: '{now}' is not a time like 2026-10-12T23:00:00+02:00");
    }

    private async Task<int> RunAsync(ParseResult parse, Func<CommandContext, Task<int>> action,
        CancellationToken cancellation)
    {
        try
        {
            await using var services = BuildServices(parse.GetValue(GlobalOptions.Course)!);
            var context = new CommandContext(parse, services, Out, Error, cancellation);
            return await action(context);
        }
        catch (CourseException failure)
        {
            await Error.WriteLineAsync($"error: {failure.Message}");
            return failure.ExitCode;
        }
        catch (DbException failure) when (MissingTable.IsMatch(failure.Message))
        {
            await Error.WriteLineAsync($"error: the course database is not up to date ({failure.Message.Trim()}); run 'grader db migrate'");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await Error.WriteLineAsync("cancelled");
            return 130;
        }
    }

    // SQLite says "no such table", PostgreSQL "relation ... does not exist": both mean a missing migration.
    [GeneratedRegex("no such table|relation .* does not exist")]
    private static partial Regex MissingTablePattern();

    private static Regex MissingTable => MissingTablePattern();
}
