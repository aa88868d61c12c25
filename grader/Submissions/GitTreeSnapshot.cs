using System.Globalization;
using System.Text;

namespace Course.Grader.Submissions;

/// <summary>
/// Writes the tree of one commit into a folder, blob by blob, with the safe-extraction rules:
/// only regular files are written (symbolic links and submodules are left out and reported),
/// every path is checked (<see cref="TreePath"/>), and file count and sizes are capped. Blobs are
/// read with <c>git cat-file --batch</c>, which gives the exact stored bytes: no smudge filters,
/// no export-subst, no LFS download. LFS pointer files are kept as they are and reported.
/// </summary>
internal static class GitTreeSnapshot
{
    private const string LfsPointer = "version https://git-lfs.github.com/spec/v1";

    /// <summary>Writes the tree into <paramref name="destination"/> (which must not exist) and returns notes for the feedback.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(GitCommand git, string commit, string destination,
        SnapshotLimits limits, CancellationToken cancellation)
    {
        var listing = await git.RunAsync(cancellation, "ls-tree", "-r", "-z", "-l", "--full-tree", commit);
        var notes = new List<string>();
        var files = new List<(string Sha, string Path, bool Executable, long Size)>();
        foreach (var entry in Split(listing))
        {
            var tab = Array.IndexOf(entry, (byte)'\t');
            var header = Encoding.ASCII.GetString(entry, 0, tab).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var refused = TreePath.Refuse(entry.AsSpan(tab + 1), limits.MaxPathBytes, out var path);
            var (mode, sha, sizeText) = (header[0], header[2], header[3]);
            if (refused is not null)
            {
                notes.Add($"`{TreePath.Printable(path)}` left out: {refused}");
            }
            else if (mode == "160000")
            {
                notes.Add($"`{path}` is a submodule: submodules are not fetched; commit the code itself");
            }
            else if (mode == "120000")
            {
                notes.Add($"`{path}` is a symbolic link: links are not followed or copied");
            }
            else if (!long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size > limits.MaxFileBytes)
            {
                notes.Add($"`{path}` left out: larger than {limits.MaxFileBytes / (1024 * 1024)} MiB");
            }
            else
            {
                files.Add((sha, path, mode == "100755", size));
            }
        }

        if (files.Count > limits.MaxFiles)
        {
            throw new IntakeException($"commit {commit} has {files.Count} files; at most {limits.MaxFiles} are accepted");
        }

        var total = files.Sum(f => f.Size);
        if (total > limits.MaxTotalBytes)
        {
            throw new IntakeException($"commit {commit} holds {total} bytes; at most {limits.MaxTotalBytes} are accepted");
        }

        var root = Path.GetFullPath(destination);
        Directory.CreateDirectory(root);
        await foreach (var (file, content) in ReadBlobsAsync(git, files, cancellation))
        {
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

    private static async IAsyncEnumerable<((string Sha, string Path, bool Executable, long Size) File, byte[] Content)> ReadBlobsAsync(
        GitCommand git, List<(string Sha, string Path, bool Executable, long Size)> files,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        if (files.Count == 0)
        {
            yield break;
        }

        using var process = System.Diagnostics.Process.Start(git.StartInfo("cat-file", "--batch"))
            ?? throw new InvalidOperationException("git did not start");
        var feed = Task.Run(async () =>
        {
            foreach (var file in files)
            {
                await process.StandardInput.WriteAsync($"{file.Sha}\n");
            }

            process.StandardInput.Close();
        }, cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        var output = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        foreach (var file in files)
        {
            var header = await ReadLineAsync(output, cancellation);
            var parts = header.Split(' ');
            if (parts.Length != 3 || parts[1] != "blob" || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var size) || size != file.Size)
            {
                throw new GitException($"git cat-file answered '{header}' for {file.Path} in {git.GitDirectory}");
            }

            var content = new byte[size];
            await output.ReadExactlyAsync(content, cancellation);
            _ = await ReadLineAsync(output, cancellation);
            yield return (file, content);
        }

        await feed;
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0)
        {
            throw new GitException($"git cat-file failed in {git.GitDirectory}: {await errors}");
        }
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellation)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellation) == 1 && one[0] != (byte)'\n')
        {
            line.Add(one[0]);
        }

        return Encoding.ASCII.GetString(line.ToArray());
    }

    private static IEnumerable<byte[]> Split(byte[] listing)
    {
        var start = 0;
        for (var i = 0; i < listing.Length; i++)
        {
            if (listing[i] == 0)
            {
                yield return listing[start..i];
                start = i + 1;
            }
        }
    }
}
