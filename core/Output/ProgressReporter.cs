using Spectre.Console;

namespace Course.Core.Output;

/// <summary>
/// Progress of long work: a live Spectre.Console display on a terminal, plain
/// lines otherwise so logs and CI stay readable.
/// </summary>
public sealed class ProgressReporter(TextWriter output, bool interactive)
{
    /// <summary>Runs <paramref name="work"/> while showing <paramref name="title"/> and its steps.</summary>
    public async Task<T> RunAsync<T>(string title, Func<IProgress<ProgressStep>, Task<T>> work)
    {
        if (!interactive)
        {
            await output.WriteLineAsync($"{title}...");
            return await work(new SynchronousProgress(step => output.WriteLine($"  {step}")));
        }

        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async display =>
            {
                var task = display.AddTask(Markup.Escape(title));
                var result = await work(new SynchronousProgress(step =>
                {
                    task.Description = Markup.Escape($"{title}: {step.Message}");
                    if (step.Total > 0)
                    {
                        task.MaxValue = step.Total;
                        task.Value = step.Done;
                    }
                }));
                task.Value = task.MaxValue;
                return result;
            });
    }

    private sealed class SynchronousProgress(Action<ProgressStep> report) : IProgress<ProgressStep>
    {
        public void Report(ProgressStep value) => report(value);
    }
}

/// <summary>One step of long work: what is happening, and how far along (0 of 0 when unknown).</summary>
public readonly record struct ProgressStep(string Message, double Done = 0, double Total = 0)
{
    public override string ToString() => Total > 0 ? $"[{Done}/{Total}] {Message}" : Message;
}
