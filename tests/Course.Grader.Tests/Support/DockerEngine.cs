using System.Diagnostics;

namespace Course.Grader.Tests.Support;

/// <summary>Asks the Docker engine about the sandbox's containers through the docker command line.</summary>
internal static class DockerEngine
{
    /// <summary>True when a container labelled with sandbox job <paramref name="jobLabel"/> is running.</summary>
    public static async Task<bool> IsRunningAsync(string jobLabel)
    {
        var start = new ProcessStartInfo("docker", ["ps", "-q", "--filter", $"label=course.job={jobLabel}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim().Length > 0;
    }
}
