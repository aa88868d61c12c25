using System.Diagnostics;
using System.Text.Json;

namespace Course.Grader.Tests.Sandbox;

/// <summary>
/// <c>grader sandbox run</c> by a user who is not root but may use the Docker engine (the docker group):
/// what the job leaves in /out, with modes that lock that user out, is still removed after the run.
/// </summary>
public sealed class NonRootSandboxTests : IDisposable
{
    private const int User = 4321;
    private readonly string _root = Directory.CreateTempSubdirectory("course-nonroot-").FullName;

    public NonRootSandboxTests() => File.SetUnixFileMode(_root, (UnixFileMode)0b111_111_111);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task SandboxRun_NotRoot_FoldersTheJobLockedAreRemoved()
    {
        var workRoot = Path.Combine(_root, "work");
        var job = $"t-nonroot-{Guid.NewGuid():N}";
        var (exit, output, error) = await RunAsNonRootAsync(workRoot, "sandbox", "run", "--image", "course-busybox", "--memory", "64m",
            "--timeout", "30s", "--job-id", job, "--", "sh", "-c",
            "mkdir -p /out/a/b && echo x > /out/a/b/f && chmod 000 /out/a/b && chmod 500 /out/a && echo locked");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var result = JsonDocument.Parse(output);
        Assert.Equal("locked\n", result.RootElement.GetProperty("stdoutTail").GetString());
        Assert.Empty(Directory.GetDirectories(workRoot, $"*-{job}-*"));
    }

    private async Task<(int Exit, string Output, string Error)> RunAsNonRootAsync(string workRoot, params string[] args)
    {
        var docker = (await File.ReadAllLinesAsync("/etc/group")).Select(line => line.Split(':'))
            .Single(fields => fields[0] == "docker")[2];
        var start = new ProcessStartInfo("setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _root,
        };
        string[] identity = ["--reuid", $"{User}", "--regid", $"{User}", "--groups", docker, "--"];
        foreach (var argument in identity.Concat(["dotnet", "exec", Path.Combine(AppContext.BaseDirectory, "grader.dll")]).Concat(args))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = _root;
        start.Environment["DOTNET_CLI_HOME"] = _root;
        start.Environment["Sandbox__WorkRoot"] = workRoot;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await output, await error);
    }
}
