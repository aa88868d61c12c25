using System.CommandLine;
using Course.Core.Output;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Core.Cli;

/// <summary>What a command action gets: its parsed arguments, the course's services and the output.</summary>
public sealed class CommandContext
{
    private readonly LazyServices _services;

    internal CommandContext(ParseResult parse, CoursePaths course, LazyServices services, TextWriter output,
        TextWriter error, CancellationToken cancellation)
    {
        Parse = parse;
        Course = course;
        _services = services;
        Out = output;
        Error = error;
        Cancellation = cancellation;
    }

    public ParseResult Parse { get; }

    /// <summary>The course named by <c>--course</c>; reading it starts no services.</summary>
    public CoursePaths Course { get; }

    /// <summary>
    /// The course's services, built on first use with every module's settings checked (a bad one is bad input
    /// naming its key), so a command that needs none of them starts quickly.
    /// </summary>
    public IServiceProvider Services => _services.Provider;

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public CancellationToken Cancellation { get; }

    /// <summary>True when <c>--json</c> was given.</summary>
    public bool Json => Parse.GetValue(GlobalOptions.Json);

    public T Get<T>(Option<T> option) => Parse.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Prints <paramref name="value"/> as JSON.</summary>
    public Task WriteJsonAsync<T>(T value) => Out.WriteLineAsync(Output.Json.Serialize(value));

    /// <summary>A scope for work that uses scoped services (database contexts).</summary>
    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    /// <summary>
    /// Progress of long work: a live display on a terminal, plain lines otherwise; with <c>--json</c>
    /// on standard error, so standard output stays one JSON document a script can parse.
    /// </summary>
    public ProgressReporter Progress() => Json
        ? new(Error, interactive: false)
        : new(Out, !Console.IsOutputRedirected && ReferenceEquals(Out, Console.Out));
}
