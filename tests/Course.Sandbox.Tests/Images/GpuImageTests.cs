using System.CommandLine;
using System.Text.Json;
using Course.Core.Cli;
using Course.Sandbox.Images;
using Course.Sandbox.Running;
using Course.Sandbox.Tests.Support;
using Docker.DotNet.Models;

namespace Course.Sandbox.Tests.Images;

/// <summary>
/// The GPU images' recipes, through <c>grader images build</c> on the real engine: each needs a CUDA PyTorch or
/// LibTorch the course gives by path, and says which setting to give (exit 2) when it is missing or unusable.
/// The CPU images never need it. One test builds course-torchsharp-cuda from a stand-in LibTorch folder (no GPU
/// is needed to copy files) and looks inside the image through the sandbox.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class GpuImageTests(EngineFixture engine) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "course-gpu-images", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("course-torchsharp-cuda", "LibTorchCuda", "the lib folder of a CUDA LibTorch")]
    [InlineData("course-python-cuda", "PyTorchCuda", "a folder of PyTorch CUDA wheels for Python 3.13")]
    public async Task ImagesBuild_GpuImageWithoutItsSource_ExitsTwoNamingTheSetting(string image, string setting, string what)
    {
        var (exit, _, error) = await RunAsync(new() { [$"Sandbox:{setting}"] = "" }, "images", "build", image);

        Assert.Equal(2, exit);
        Assert.Contains($"image '{image}' needs {what}", error, StringComparison.Ordinal);
        Assert.Contains($"set Sandbox:{setting} (environment variable Sandbox__{setting}) to its path", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImagesBuild_SourceThatIsNoFolder_ExitsTwoNamingTheSetting()
    {
        var missing = Path.Combine(_folder, "no-such-folder");

        var (exit, _, error) = await RunAsync(new() { ["Sandbox:LibTorchCuda"] = missing }, "images", "build", "course-torchsharp-cuda");

        Assert.Equal(2, exit);
        Assert.Contains($"Sandbox:LibTorchCuda is {missing}, which is not a folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImagesBuild_LibTorchFolderWithoutLibTorchCuda_ExitsTwo()
    {
        // A CPU LibTorch's lib folder: libtorch.so and libtorch_cpu.so, no libtorch_cuda.so.
        var lib = Write("cpu/torch/lib/libtorch.so", "cpu/torch/lib/libtorch_cpu.so");

        var (exit, _, error) = await RunAsync(new() { ["Sandbox:LibTorchCuda"] = lib }, "images", "build", "course-torchsharp-cuda");

        Assert.Equal(2, exit);
        Assert.Contains($"Sandbox:LibTorchCuda ({lib}) holds no libtorch_cuda.so", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImagesBuild_WheelsForAnotherPython_ExitsTwo()
    {
        var wheels = Write("wheels/torch-2.11.0+cu130-cp312-cp312-manylinux_2_28_x86_64.whl", "wheels/filelock-3.20.0-py3-none-any.whl");

        var (exit, _, error) = await RunAsync(new() { ["Sandbox:PyTorchCuda"] = wheels }, "images", "build", "course-python-cuda");

        Assert.Equal(2, exit);
        Assert.Contains($"Sandbox:PyTorchCuda ({wheels}) holds no torch-*-cp313-*.whl", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImagesBuild_AllWithoutGpuSources_BuildsTheCpuImagesAndSaysWhichItSkipped()
    {
        var (exit, output, error) = await RunAsync(new() { ["Sandbox:LibTorchCuda"] = "", ["Sandbox:PyTorchCuda"] = "" }, "images", "build", "--json");

        Assert.True(exit == 0, error);
        Assert.Equal(["course-busybox", "course-python", "course-torchsharp", "course-dotnet"],
            JsonDocument.Parse(output).RootElement.EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        Assert.Contains("course-python-cuda: skipped (image 'course-python-cuda' needs", error, StringComparison.Ordinal);
        Assert.Contains("course-torchsharp-cuda: skipped (image 'course-torchsharp-cuda' needs", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_GivenFolderChanges_ChangesTheTagButNotTheCpuImages()
    {
        var lib = Write("site-packages/torch/lib/libtorch_cuda.so");
        var before = ImageRecipe.Find("course-torchsharp-cuda", lib)!.Tag;
        File.WriteAllText(Path.Combine(lib, "libc10_cuda.so"), "stand-in");

        Assert.NotEqual(before, ImageRecipe.Find("course-torchsharp-cuda", lib)!.Tag);
        Assert.DoesNotContain("given_folder", ImageRecipe.Find("course-torchsharp")!.Script, StringComparison.Ordinal);
    }

    [Fact(Timeout = 600_000)]
    public async Task ImagesBuild_PyTorchLibFolder_IsCopiedWithItsCudaLibrariesAndOnTheLibraryPath()
    {
        // A PyTorch CUDA install's layout: torch/lib finds the CUDA libraries in ../../nvidia by relative paths.
        var lib = Write("site-packages/torch/lib/libtorch_cuda.so", "site-packages/torch/lib/libc10_cuda.so",
            "site-packages/nvidia/cublas/lib/libcublas.so.12");
        var (exit, output, error) = await RunAsync(new() { ["Sandbox:LibTorchCuda"] = lib }, "images", "build", "course-torchsharp-cuda", "--json");
        Assert.True(exit == 0, error);
        var tag = JsonDocument.Parse(output).RootElement[0].GetProperty("tag").GetString()!;
        try
        {
            var result = await engine.Sandbox.RunAsync(new SandboxJob(tag,
                ["sh", "-c", "echo \"path=$LD_LIBRARY_PATH\"; cd /opt/torch && find . -type f | sort"]) { JobId = EngineFixture.NewJobId("gpu-image") });

            Assert.True(result.ExitCode == 0, result.StderrTail);
            Assert.Equal(
                "path=/opt/torch/torch/lib\n./nvidia/cublas/lib/libcublas.so.12\n./torch/lib/libc10_cuda.so\n./torch/lib/libtorch_cuda.so\n",
                result.StdoutTail);
        }
        finally
        {
            var image = await engine.Docker.Images.InspectImageAsync(tag);
            await engine.Docker.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true });
        }
    }

    /// <summary>Stand-in files under the test's folder; returns the folder of the first one.</summary>
    private string Write(params string[] files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(_folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "stand-in");
        }

        return Path.GetDirectoryName(Path.Combine(_folder, files[0]))!;
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost((services, configuration) => services.AddSandbox(configuration), settings) { Out = output, Error = error };
        var root = new RootCommand { Options = { GlobalOptions.Course, GlobalOptions.Json } };
        foreach (var command in SandboxModule.Commands(host))
        {
            root.Subcommands.Add(command);
        }

        var exit = await root.Parse(args).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }
}
