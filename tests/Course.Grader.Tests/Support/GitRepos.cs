using System.Diagnostics;

namespace Course.Grader.Tests.Support;

/// <summary>Builds bare repositories for intake tests with the git command line, isolated from the machine's git config.</summary>
internal static class GitRepos
{
    /// <summary>Makes <c>{folder}/{name}.git</c> from a work tree holding <paramref name="files"/>; returns the commit.</summary>
    public static string CreateBare(string folder, string name, IReadOnlyDictionary<string, string> files,
        Action<string>? beforeCommit = null)
    {
        var work = WorkTree(folder, name);
        Directory.CreateDirectory(work);
        Run(work, "init", "-q", "-b", "main");
        foreach (var (path, content) in files)
        {
            var target = Path.Combine(work, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, content);
        }

        Run(work, "add", "-A");
        // After staging, so index entries it makes (a submodule's gitlink) are not undone by add -A.
        beforeCommit?.Invoke(work);
        Run(work, "commit", "-q", "-m", "homework");
        Run(folder, "clone", "-q", "--bare", work, Path.Combine(folder, $"{name}.git"));
        return Run(work, "rev-parse", "HEAD").Trim();
    }

    /// <summary>Commits a change in the work tree and pushes it to the bare repository; returns the new commit.</summary>
    public static string Push(string folder, string name, string path, string content)
    {
        var work = WorkTree(folder, name);
        File.WriteAllText(Path.Combine(work, path), content);
        Run(work, "add", "-A");
        Run(work, "commit", "-q", "-m", "more homework");
        Run(work, "push", "-q", Path.Combine(folder, $"{name}.git"), "main");
        return Run(work, "rev-parse", "HEAD").Trim();
    }

    /// <summary>The student's clone, beside the folder of bare repositories (never inside it).</summary>
    private static string WorkTree(string folder, string name) => Path.Combine(Path.GetDirectoryName(folder)!, "work", name);

    public static string Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Student";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "student@example.edu";
        // A forged, ancient commit date: intake must never use it.
        start.Environment["GIT_AUTHOR_DATE"] = start.Environment["GIT_COMMITTER_DATE"] = "2001-01-01T00:00:00Z";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
        return output;
    }
}
