using Spectre.Console;
using Spectre.Console.Rendering;

namespace Course.Core.Output;

/// <summary>
/// Writes a Spectre.Console table to any writer. Off a terminal (pipes, logs, CI) the width is
/// unknown and would default to 80 columns, which folds every cell; tables get room instead.
/// </summary>
public static class TableWriter
{
    public static async Task WriteAsync(TextWriter output, IRenderable table)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 200);
        console.Write(table);
        await output.FlushAsync();
    }
}
