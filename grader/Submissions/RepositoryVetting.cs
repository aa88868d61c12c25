using Course.Core.FileSystem;
namespace Course.Grader.Submissions;

/// <summary>
/// Decides, before git is started on it, whether a student's bare repository is read at all. Git
/// takes orders from a repository's own files: its config can make a plain object look-up run a
/// program (a promisor remote's <c>ext::</c> address, include files, hooks), and <c>commondir</c> or
/// alternates make it read another student's objects. Command-line settings cannot override all of
/// that in every git version, so a repository is refused unless it is plain: owned by the grader's
/// user in every part (git itself does not check owners when given <c>--git-dir</c>), without links or
/// special files, without files that point elsewhere, and with a config inside <see cref="RepositoryConfigPolicy"/>.
/// </summary>
internal static class RepositoryVetting
{
    /// <summary>Files by which git reads a repository's objects, refs or config from somewhere else.</summary>
    private const int MaxConfigBytes = 64 * 1024;

    private static readonly string[] Pointers = ["commondir", "objects/info/alternates", "objects/info/http-alternates"];

    /// <summary>Throws <see cref="IntakeException"/> ("refused: ...") naming what makes the repository unsafe to read.</summary>
    public static void Check(string gitDirectory)
    {
        var root = Path.GetFullPath(gitDirectory);
        try
        {
            CheckEntry(root, ".", UnixFileStatus.Of(root));
            foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions
                     {
                         RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false,
                     }))
            {
                CheckEntry(path, Path.GetRelativePath(root, path), UnixFileStatus.Of(path));
            }
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            throw new IntakeException($"refused: the repository cannot be read: {unreadable.Message}");
        }

        if (Pointers.FirstOrDefault(p => Path.Exists(Path.Combine(root, p))) is { } pointer)
        {
            throw new IntakeException($"refused: {pointer} would make git read another repository");
        }

        CheckConfig(Path.Combine(root, "config"));
    }

    private static void CheckEntry(string path, string relative, UnixFileStatus status)
    {
        if (status.IsSymbolicLink)
        {
            throw new IntakeException($"refused: {relative} is a symbolic link (to '{new FileInfo(path).LinkTarget}')");
        }

        if (!status.IsDirectory && !status.IsRegularFile)
        {
            throw new IntakeException($"refused: {relative} is neither a regular file nor a folder");
        }

        if (status.Owner != UnixFileStatus.CurrentUser)
        {
            throw new IntakeException($"refused: {(relative == "." ? "the repository" : relative)} is owned by user {status.Owner}, "
                + $"not by the user intake runs as ({UnixFileStatus.CurrentUser})");
        }
    }

    private static void CheckConfig(string config)
    {
        if (!File.Exists(config))
        {
            return;
        }

        if (new FileInfo(config).Length > MaxConfigBytes)
        {
            throw new IntakeException($"refused: config holds more than {MaxConfigBytes} bytes");
        }

        var disallowed = RepositoryConfigPolicy.Disallowed(StrictGitConfig.Parse(File.ReadAllBytes(config)));
        if (disallowed.Count > 0)
        {
            throw new IntakeException($"refused: config sets {string.Join(", ", disallowed)}; a repository's config may hold only "
                + $"{RepositoryConfigPolicy.Allowed} (other settings can make git run programs or reach other repositories)");
        }
    }
}
