using System.Diagnostics;
using System.Globalization;
using Course.Core.Errors;
using Course.Core.Output;
using Course.Sandbox.Engine;
using Course.Sandbox.Running;
using Docker.DotNet;

namespace Course.Sandbox.Images;

/// <summary>
/// <see cref="ISandboxImages"/>: runs a recipe with bash on the host (it needs root for
/// debootstrap and chroot) unless the engine already has the image tagged with the recipe hash.
/// </summary>
internal sealed class RecipeImages(IDockerClient docker, SandboxOptions options, TimeProvider time) : ISandboxImages
{
    /// <summary>Lines of recipe output kept to explain a failure.</summary>
    private const int FailureLines = 30;

    public IReadOnlyList<string> Names => ImageRecipe.Names;

    public async Task<ImageBuild> EnsureAsync(string name, IProgress<ProgressStep>? progress = null,
        CancellationToken cancellation = default)
    {
        var recipe = ImageRecipe.Find(name)
                     ?? throw new BadInputException($"image '{name}': no such recipe (known: {string.Join(", ", Names)})");
        var started = time.GetTimestamp();
        if (await ExistsAsync(recipe.Tag, cancellation))
        {
            progress?.Report(new ProgressStep($"{recipe.Tag} is up to date"));
            return new ImageBuild(name, recipe.Tag, Built: false, time.GetElapsedTime(started));
        }

        await RunRecipeAsync(recipe, progress ?? new Progress<ProgressStep>(), cancellation);
        if (!await ExistsAsync(recipe.Tag, cancellation))
        {
            throw new SandboxUnavailableException($"image '{name}': the recipe finished but {recipe.Tag} is not on the engine");
        }

        return new ImageBuild(name, recipe.Tag, Built: true, time.GetElapsedTime(started));
    }

    private async Task<bool> ExistsAsync(string tag, CancellationToken cancellation)
    {
        try
        {
            await EngineCall.RunAsync(options.Engine, $"looking up image {tag}",
                () => docker.Images.InspectImageAsync(tag, cancellation), cancellation);
            return true;
        }
        catch (SandboxUnavailableException missing) when (missing.InnerException is DockerImageNotFoundException)
        {
            return false;
        }
    }

    private static async Task RunRecipeAsync(ImageRecipe recipe, IProgress<ProgressStep> progress,
        CancellationToken cancellation)
    {
        var script = Path.Combine(Path.GetTempPath(), $"course-recipe-{recipe.Name}-{recipe.Hash}-{Environment.ProcessId}.sh");
        await File.WriteAllTextAsync(script, recipe.Script, cancellation);
        try
        {
            var start = new ProcessStartInfo("bash", [script, recipe.Name, recipe.Hash])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            using var process = Process.Start(start)
                                ?? throw new SandboxUnavailableException($"image '{recipe.Name}': cannot start bash");
            process.StandardInput.Close();
            var tail = new Queue<string>();
            var lines = Task.WhenAll(Pump(process.StandardOutput, tail, progress), Pump(process.StandardError, tail, progress));
            try
            {
                await process.WaitForExitAsync(cancellation);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            await lines;
            if (process.ExitCode != 0)
            {
                lock (tail)
                {
                    throw new SandboxUnavailableException(
                        $"image '{recipe.Name}': recipe failed with exit code {process.ExitCode}:{Environment.NewLine}" +
                        string.Join(Environment.NewLine, tail));
                }
            }
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>Shows "STEP n/m what" lines as progress and keeps the last lines for an error message.</summary>
    private static async Task Pump(StreamReader reader, Queue<string> tail, IProgress<ProgressStep> progress)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > FailureLines)
                {
                    tail.Dequeue();
                }
            }

            if (Step(line) is { } step)
            {
                progress.Report(step);
            }
        }
    }

    private static ProgressStep? Step(string line)
    {
        if (!line.StartsWith("STEP ", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = line[5..].Split(' ', 2);
        var counts = parts[0].Split('/');
        return counts.Length == 2
               && int.TryParse(counts[0], CultureInfo.InvariantCulture, out var done)
               && int.TryParse(counts[1], CultureInfo.InvariantCulture, out var total)
            ? new ProgressStep(parts.ElementAtOrDefault(1) ?? "", done - 1, total)
            : new ProgressStep(line[5..]);
    }
}
