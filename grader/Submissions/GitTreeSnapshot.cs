using System.Text;

namespace Course.Grader.Submissions;

/// <summary>
/// Writes the tree of one commit into a folder, blob by blob, with the safe-extraction rules:
/// only regular files are written (symbolic links and submodules are left out and reported),
/// every path is checked (<see cref="TreePath"/>), and file count and sizes are capped before
/// any content is read. Trees and blobs come raw from <see cref="GitObjectReader"/>: no smudge
/// filters, no export-subst, no LFS download. LFS pointer files are kept as they are and reported.
/// </summary>
internal static class GitTreeSnapshot
{
    private const string LfsPointer = "version https://git-lfs.github.com/spec/v1";

    /// <summary>Writes the tree into <paramref name="destination"/> (which must not exist) and returns notes for the feedback.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(GitObjectReader objects, string commit, string destination,
        SnapshotLimits limits, CancellationToken cancellation)
    {
        var notes = new List<string>();
        var files = await ListFilesAsync(objects, commit, limits, notes, cancellation);
        var total = files.Sum(f => f.Size);
        if (total > limits.MaxTotalBytes)
        {
            throw new IntakeException($"commit {commit} holds {total} bytes; at most {limits.MaxTotalBytes} are accepted");
        }

        var root = Path.GetFullPath(destination);
        Directory.CreateDirectory(root);
        foreach (var file in files)
        {
            var (_, content) = await objects.ReadAsync(file.Id, "blob", limits.MaxFileBytes, cancellation);
            var target = Path.GetFullPath(Path.Combine(root, file.Path));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                notes.Add($"`{file.Path}` left out: outside the submission folder");
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, content, cancellation);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, file.Executable
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                  | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            if (content.Length < 512 && content.AsSpan().StartsWith(Encoding.ASCII.GetBytes(LfsPointer)))
            {
                notes.Add($"`{file.Path}` is a Git LFS pointer: LFS content is not fetched, the pointer file was graded as is");
            }
        }

        return notes;
    }

    /// <summary>
    /// Walks the commit's trees and returns the regular files to write, with their sizes. Folders
    /// count against the file cap too: a tree that lists one subtree many times, level after level
    /// (a "tree bomb"), is refused after <see cref="SnapshotLimits.MaxFiles"/> entries, not expanded.
    /// </summary>
    private static async Task<List<TreeFile>> ListFilesAsync(GitObjectReader objects, string commit, SnapshotLimits limits,
        List<string> notes, CancellationToken cancellation)
    {
        var maxTreeBytes = (long)limits.MaxFiles * (limits.MaxPathBytes + 64);
        var files = new List<TreeFile>();
        var folders = new Queue<(string Id, byte[] Path)>([($"{commit}^{{tree}}", [])]);
        var entries = 0;
        while (folders.TryDequeue(out var folder))
        {
            var (tree, content) = await objects.ReadAsync(folder.Id, "tree", maxTreeBytes, cancellation);
            foreach (var entry in TreeEntry.Parse(content, tree.Id.Length / 2, tree.Id))
            {
                if (++entries > limits.MaxFiles)
                {
                    throw new IntakeException($"commit {commit} has more than {limits.MaxFiles} files and folders; at most {limits.MaxFiles} are accepted");
                }

                byte[] raw = folder.Path.Length == 0 ? entry.Name : [.. folder.Path, (byte)'/', .. entry.Name];
                var refused = TreePath.Refuse(raw, limits.MaxPathBytes, out var path);
                if (refused is not null)
                {
                    notes.Add($"`{TreePath.Printable(path)}` left out: {refused}");
                }
                else if (entry.Mode == "40000")
                {
                    folders.Enqueue((entry.Id, raw));
                }
                else if (entry.Mode == "160000")
                {
                    notes.Add($"`{path}` is a submodule: submodules are not fetched; commit the code itself");
                }
                else if (entry.Mode == "120000")
                {
                    notes.Add($"`{path}` is a symbolic link: links are not followed or copied");
                }
                else if (!entry.Mode.StartsWith("100", StringComparison.Ordinal))
                {
                    notes.Add($"`{path}` left out: unknown file mode {entry.Mode}");
                }
                else if (await objects.FindAsync(entry.Id, cancellation) is not { Type: "blob" } blob)
                {
                    notes.Add($"`{path}` left out: its content is missing from the repository");
                }
                else if (blob.Size > limits.MaxFileBytes)
                {
                    notes.Add($"`{path}` left out: larger than {limits.MaxFileBytes / (1024 * 1024)} MiB");
                }
                else
                {
                    files.Add(new TreeFile(entry.Id, path, entry.Mode == "100755", blob.Size));
                }
            }
        }

        return files;
    }

    private sealed record TreeFile(string Id, string Path, bool Executable, long Size);

    /// <summary>One entry of a raw tree object: <c>mode SP name NUL id</c>, the id in binary.</summary>
    private sealed record TreeEntry(string Mode, byte[] Name, string Id)
    {
        public static IEnumerable<TreeEntry> Parse(byte[] tree, int idBytes, string treeId)
        {
            var at = 0;
            while (at < tree.Length)
            {
                var space = Array.IndexOf(tree, (byte)' ', at);
                var nul = space < 0 ? -1 : Array.IndexOf(tree, (byte)0, space);
                if (nul < 0 || nul + 1 + idBytes > tree.Length)
                {
                    throw new GitException($"tree {treeId} is malformed at byte {at}");
                }

                yield return new TreeEntry(Encoding.ASCII.GetString(tree, at, space - at), tree[(space + 1)..nul],
                    Convert.ToHexStringLower(tree, nul + 1, idBytes));
                at = nul + 1 + idBytes;
            }
        }
    }
}
