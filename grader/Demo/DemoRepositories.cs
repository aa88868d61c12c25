using System.Diagnostics;

namespace Course.Grader.Demo;

/// <summary>
/// Makes the demo students' bare repositories from <c>demo/students/&lt;login&gt;/&lt;assignment&gt;/</c>:
/// our own content, committed with the host's git (no student code runs here).
/// </summary>
internal static class DemoRepositories
{
    public static async Task CreateAsync(string students, string repositories, string login, string assignment,
        CancellationToken cancellation)
    {
        var source = Path.Combine(students, login, assignment);
        var bare = Path.Combine(repositories, $"{assignment}-{login}.git");
        if (Directory.Exists(bare))
        {
            return;
        }

        var work = Path.Combine(repositories, ".work", $"{assignment}-{login}");
        CopyTree(source, work);
        await GitAsync(repositories, cancellation, "init", "--quiet", "--bare", "--initial-branch=main", bare);
        await GitAsync(work, cancellation, "init", "--quiet");
        await GitAsync(work, cancellation, "add", "--all");
        await GitAsync(work, cancellation, "-c", $"user.name={login}", "-c", $"user.email={login}@students.example.edu",
            "commit", "--quiet", "-m", $"{assignment}: my solution");
        await GitAsync(work, cancellation, "push", "--quiet", bare, "HEAD:refs/heads/main");
        Directory.Delete(work, recursive: true);
    }

    private static void CopyTree(string source, string target)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: true);
        }
    }

    private static async Task GitAsync(string folder, CancellationToken cancellation, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var git = Process.Start(start)!;
        var error = await git.StandardError.ReadToEndAsync(cancellation);
        await git.WaitForExitAsync(cancellation);
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed in {folder}: {error.Trim()}");
        }
    }
}
