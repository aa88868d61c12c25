using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Sandbox.Images;

namespace Course.Sandbox.Cli;

/// <summary>
/// <c>grader images build [NAME]</c>: builds one recipe, or all of them, skipping cached ones. All of them leaves
/// out, with a line saying why, the GPU images whose CUDA PyTorch or LibTorch the course has not given.
/// </summary>
internal static class ImagesCommands
{
    public static Command Create(CliHost host)
    {
        var name = new Argument<string?>("name")
        {
            Description = "course-busybox, course-python, course-torchsharp, course-dotnet, course-python-cuda or course-torchsharp-cuda (all when omitted)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var build = new Command("build", "Build the course's images from Debian packages, cached by recipe hash") { name };
        host.Handle(build, async context =>
        {
            var images = context.Service<ISandboxImages>();
            var names = context.Get(name) is { } one ? [one] : images.Names;
            var results = new List<ImageBuild>();
            foreach (var image in names)
            {
                if (names.Count > 1 && images.Unbuildable(image) is { } reason)
                {
                    await context.Error.WriteLineAsync($"{image}: skipped ({reason})");
                    continue;
                }

                var result = await context.Progress().RunAsync($"image {image}",
                    progress => images.EnsureAsync(image, progress, context.Cancellation));
                results.Add(result);
                if (!context.Json)
                {
                    await context.Out.WriteLineAsync(
                        $"{result.Tag}: {(result.Built ? "built" : "up to date")} ({result.Elapsed.TotalSeconds:0.0} s)");
                }
            }

            if (context.Json)
            {
                await context.WriteJsonAsync(results);
            }

            return ExitCodes.Ok;
        });
        return new Command("images", "Container images for grading runs") { build };
    }
}
