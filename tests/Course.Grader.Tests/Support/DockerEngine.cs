using System.Diagnostics;

namespace Course.Grader.Tests.Support;

/// <summary>Asks the Docker engine about the sandbox's containers through the docker command line.</summary>
internal static class DockerEngine
{
    /// <summary>True when a container labelled with sandbox job <paramref name="jobLabel"/> is running.</summary>
    public static async Task<bool> IsRunningAsync(string jobLabel) => (await DockerAsync("ps", "-q", "--filter", $"label=course.job={jobLabel}")).Length > 0;

    /// <summary>Removes the containers of sandbox job <paramref name="jobLabel"/>, running or not (a test's leftovers).</summary>
    public static async Task RemoveAsync(string jobLabel)
    {
        foreach (var id in (await DockerAsync("ps", "-aq", "--filter", $"label=course.job={jobLabel}")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            await DockerAsync("rm", "-f", id);
        }
    }

    private static async Task<string> DockerAsync(params string[] args)
    {
        var start = new ProcessStartInfo("docker", args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
