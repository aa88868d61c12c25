using System.ComponentModel;
using System.Diagnostics;

namespace Course.Sandbox.GpuLeases;

/// <summary>Asks the NVIDIA driver which GPUs this host has, when <c>Sandbox:Gpus</c> does not say.</summary>
internal static class GpuDiscovery
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The GPU UUIDs nvidia-smi lists; none when it is missing, fails or hangs.</summary>
    public static IReadOnlyList<string> Find()
    {
        var start = new ProcessStartInfo("nvidia-smi", ["--query-gpu=uuid", "--format=csv,noheader"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Patience))
            {
                process.Kill(entireProcessTree: true);
                return [];
            }

            return process.ExitCode == 0 ? Parse(output.Result) : [];
        }
        catch (Win32Exception)
        {
            // No nvidia-smi: a host without the NVIDIA driver.
            return [];
        }
    }

    public static IReadOnlyList<string> Parse(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToArray();
}
