using System.Diagnostics;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.EndToEnd;

/// <summary>
/// <c>bench/run gpu</c> on a machine without a GPU (as every machine that runs these tests is): its bundle builds
/// under 64 MiB with the .NET runtime and a reference that carries no LibTorch, and the benchmark refuses with
/// "no CUDA device" instead of measuring something else.
/// </summary>
public sealed class GpuBenchTests
{
    private static readonly string Bundle = Path.Combine(RepositoryRoot.Folder, "bench", "gpu", "bundle");

    [Fact(Timeout = 900_000)]
    public async Task BuildBundle_ReferenceWithoutLibTorchAndTheRuntime_StaysUnder64MiB()
    {
        var (exit, output, error) = await RunAsync("bench/gpu/build-bundle.sh");

        Assert.True(exit == 0, output + error);
        var files = Directory.GetFiles(Bundle, "*", SearchOption.AllDirectories);
        Assert.InRange(files.Sum(f => new FileInfo(f).Length), 1, (64L << 20) - 1);
        var reference = Directory.GetFiles(Path.Combine(Bundle, "reference")).Select(Path.GetFileName).ToList();
        Assert.Contains("reference.dll", reference);
        Assert.Contains("libLibTorchSharp.so", reference);
        Assert.DoesNotContain(reference, f => f!.StartsWith("libtorch", StringComparison.Ordinal) || f.StartsWith("libc10", StringComparison.Ordinal));
        var (listed, runtime, _) = await RunAsync("-c", $"tar -tJf '{Path.Combine(Bundle, "dotnet-runtime.tar.xz")}'");
        Assert.Equal(0, listed);
        var entries = runtime.Split('\n');
        Assert.Contains("dotnet", entries);
        Assert.Contains(entries, e => e.StartsWith("host/fxr/", StringComparison.Ordinal) && e.EndsWith("/libhostfxr.so", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith("shared/Microsoft.NETCore.App/", StringComparison.Ordinal) && e.EndsWith("/System.Private.CoreLib.dll", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("sdk/", StringComparison.Ordinal));
    }

    [Fact(Timeout = 900_000)]
    public async Task Run_MachineWithoutAGpu_RefusesWithNoCudaDevice()
    {
        Assert.False(File.Exists("/dev/nvidia0"), "this test checks the refusal on a machine without an NVIDIA GPU");
        Assert.Equal(0, (await RunAsync("bench/gpu/build-bundle.sh")).Exit);

        var (exit, output, error) = await RunAsync("bench/run", "gpu");

        Assert.Equal(1, exit);
        Assert.StartsWith("gpu: no CUDA device", error, StringComparison.Ordinal);
        Assert.DoesNotContain("ratio", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadDevice_ExitsTwoNamingTheOption()
    {
        Assert.Equal(0, (await RunAsync("bench/gpu/build-bundle.sh")).Exit);

        var (exit, _, error) = await RunAsync("bench/run", "gpu", "--device", "tpu");

        Assert.Equal(2, exit);
        Assert.Equal("gpu: --device: 'tpu' is not cuda or cpu\n", error);
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryRoot.Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
