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
/// A recipe that copies in an <see cref="ImageSource"/> gets the course's path for it (<paramref name="sources"/>)
/// as an environment variable; without one it is refused before anything runs.
/// </summary>
internal sealed class RecipeImages(IDockerClient docker, SandboxOptions options, TimeProvider time, ImageSources? sources = null) : ISandboxImages
{
    /// <summary>Lines of recipe output kept to explain a failure.</summary>
    private const int FailureLines = 30;

    /// <summary>The exit code with which a recipe refuses its input (a given source that is missing or wrong).</summary>
    private const int RecipeRefused = 2;

    public IReadOnlyList<string> Names => ImageRecipe.Names;

    public string? Unbuildable(string name) =>
        ImageRecipe.SourceOf(name) is { } source && GivenPath(name) is null ? source.Missing(name) : null;

    public async Task<ImageBuild> EnsureAsync(string name, IProgress<ProgressStep>? progress = null,
        CancellationToken cancellation = default)
    {
        if (!Names.Contains(name))
        {
            throw new BadInputException($"image '{name}': no such recipe (known: {string.Join(", ", Names)})");
        }

        if (Unbuildable(name) is { } missing)
        {
            throw new BadInputException(missing);
        }

        var recipe = ImageRecipe.Find(name, GivenPath(name))!;
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

    /// <summary>The path the course gave for what recipe <paramref name="name"/> copies in; null when it needs none or none was given.</summary>
    private string? GivenPath(string name) =>
        ImageRecipe.SourceOf(name) is { } source ? (sources ?? ImageSources.None).PathOf(source) : null;

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
            if (recipe is { Source: { } source, SourcePath: { } path })
            {
                start.Environment[source.Variable] = path;
            }

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
            if (process.ExitCode == RecipeRefused && recipe is { Source: { } refused, SourcePath: { } given })
            {
                lock (tail)
                {
                    throw new BadInputException($"image '{recipe.Name}': {refused.Key} ({given}) is not usable:{Environment.NewLine}{string.Join(Environment.NewLine, tail)}");
                }
            }

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
