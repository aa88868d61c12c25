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

    /// <summary>
    /// Makes <c>{folder}/{name}.git</c> whose commit holds a "tree bomb": one file, then
    /// <paramref name="depth"/> levels of folders that each list the level below <paramref name="width"/> times
    /// (width^depth files from a few objects). Built with plumbing, as a hostile student would.
    /// </summary>
    public static void CreateTreeBomb(string folder, string name, int width, int depth)
    {
        var bare = Path.Combine(folder, $"{name}.git");
        Run(folder, "init", "-q", "--bare", "-b", "main", bare);
        var blob = RunWithInput(bare, "boom\n", "hash-object", "-w", "--stdin").Trim();
        var tree = RunWithInput(bare, $"100644 blob {blob}\tf.txt\n", "mktree").Trim();
        for (var level = 0; level < depth; level++)
        {
            tree = RunWithInput(bare, string.Concat(Enumerable.Range(0, width).Select(i => $"040000 tree {tree}\td{i}\n")), "mktree").Trim();
        }

        var commit = Run(bare, "commit-tree", tree, "-m", "bomb").Trim();
        Run(bare, "update-ref", "refs/heads/main", commit);
    }

    /// <summary>
    /// Deletes the loose object <paramref name="id"/> from a bare repository made by <see cref="CreateBare"/>, so that
    /// reading it makes git look elsewhere (a promisor remote's lazy fetch).
    /// </summary>
    public static void DropObject(string bare, string id)
    {
        var loose = Path.Combine(bare, "objects", id[..2], id[2..]);
        Assert.True(File.Exists(loose), $"object {id} is not loose in {bare}");
        File.Delete(loose);
    }

    public static string Run(string directory, params string[] arguments) => RunWithInput(directory, null, arguments);

    private static string RunWithInput(string directory, string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null,
        };
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
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
        return output;
    }
}
