using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Course.Core.Errors;
using Course.Core.Settings;
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
    private readonly Lazy<IConfiguration> _configuration;

    /// <param name="configure">Registers every module's services.</param>
    /// <param name="overrides">Configuration that wins over environment variables (tests use it).</param>
    public CliHost(Action<IServiceCollection, IConfiguration> configure,
        IReadOnlyDictionary<string, string?>? overrides = null)
    {
        _configure = configure;
        _configuration = new(() => new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build());
    }

    /// <summary>
    /// The one configuration of every command, of <c>grader worker</c> and of <c>grader serve</c> (whose web host takes
    /// it as its only source): environment variables, then the overrides.
    /// </summary>
    public IConfiguration Configuration => _configuration.Value;

    /// <summary>How long a command may take to end after SIGTERM or Ctrl-C before the process is ended without it.</summary>
    private static readonly TimeSpan TerminationPatience = TimeSpan.FromSeconds(30);

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
        // SIGTERM or Ctrl-C cancels the command's token; a worker then hands its running jobs back (their containers stopped,
        // their rows updated), which can take longer than the parser's default two seconds on a busy host. The signals are
        // handled here, not by System.CommandLine: its handler waits on the signal's thread for the command to end, and a
        // worker that had stopped cleanly then sometimes still exited with 143.
        using var termination = new TerminationSignals();
        var invocation = parse.InvokeAsync(new InvocationConfiguration { Output = Out, Error = Error, ProcessTerminationTimeout = null },
            termination.Token);
        var exit = await Task.WhenAny(invocation, termination.PatienceAsync(TerminationPatience)) == invocation
            ? await invocation
            : termination.ExitCode;
        return parse.Errors.Count > 0 ? ExitCodes.BadInput : exit;
    }

    /// <summary>Attaches <paramref name="action"/> to <paramref name="command"/>; its result is the exit code.</summary>
    public void Handle(Command command, Func<CommandContext, Task<int>> action) =>
        command.SetAction((parse, cancellation) => RunAsync(parse, action, cancellation));

    /// <summary>
    /// Registers the course's services: its paths, the clock (<c>Clock:Now</c> rehearses a time) and every module's
    /// services. <see cref="BuildServices"/> and the web host of <c>grader serve</c> both call it, so the server,
    /// the workers and the commands are one composition. A bad <c>Clock:Now</c> is bad input here.
    /// </summary>
    public void Configure(IServiceCollection services, string courseFile)
    {
        services.AddSingleton(new CoursePaths(Path.GetFullPath(courseFile)));
        services.AddSingleton(Clock(Configuration));
        _configure(services, Configuration);
    }

    /// <summary>
    /// Builds the service provider for one course file, as a command gets it, with every module's settings read
    /// (<see cref="SettingsServices.ValidateSettings"/>): a bad one is bad input naming its key, before any work.
    /// </summary>
    public ServiceProvider BuildServices(string courseFile)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration);
        Configure(services, courseFile);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            provider.ValidateSettings();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
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
            // Built on first use: a command that needs no course services (score, course validate) starts
            // no container, reads no module settings and loads no database or Docker client library.
            var course = new CoursePaths(Path.GetFullPath(parse.GetValue(GlobalOptions.Course)!));
            await using var services = new LazyServices(() => BuildServices(course.CourseFile));
            var context = new CommandContext(parse, course, services, Out, Error, cancellation);
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
