using System.Collections.Concurrent;
using Course.Core.FileSystem;

namespace Course.Grader.Submissions;

/// <summary>
/// The head commit each local repository had when this process last read it with git, so that a long-running
/// <c>grader fetch --every</c> does not start git again, round after round, for the repositories nobody pushed to.
/// A head is read from the repository's files only where git reads it so too: <c>HEAD</c> names a branch whose loose
/// ref, or else whose line in <c>packed-refs</c>, holds a commit id, and no part of either path is a link. Any other
/// layout (a symbolic ref, a reftable, files too large for refs) is read with git every round. Git never runs on a
/// repository this skips, so it need not be vetted again (<see cref="RepositoryVetting"/>): a head that moved is vetted
/// and read with git as on the first round.
/// </summary>
internal sealed class KnownHeads
{
    private const int MaxRefBytes = 512;

    /// <summary>A student's repository packs a handful of refs; a larger file is left to git.</summary>
    private const int MaxPackedRefsBytes = 64 * 1024;

    /// <summary>Per repository folder, what the last round found there (as a known commit).</summary>
    private readonly ConcurrentDictionary<string, FetchEntry> _known = new(StringComparer.Ordinal);

    /// <summary>What the last round found, when the repository's head and its owner are the same now; else null.</summary>
    public FetchEntry? Unchanged(string repository, string owner) =>
        _known.TryGetValue(repository, out var known) && known.Owner == owner && HeadOf(repository) == known.Commit ? known : null;

    /// <summary>Remembers a recorded or known head, when the files still name the commit git found.</summary>
    public void Remember(string repository, FetchEntry entry)
    {
        if (entry is { Status: FetchStatus.Recorded or FetchStatus.Known, Commit: { } commit } && HeadOf(repository) == commit)
        {
            _known[repository] = entry with { Status = FetchStatus.Known };
        }
    }

    /// <summary>The commit id of HEAD's branch, or null where only git can tell.</summary>
    internal static string? HeadOf(string repository)
    {
        try
        {
            return ReadHead(repository);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadHead(string repository)
    {
        if (ReadSmall(Path.Combine(repository, "HEAD"), MaxRefBytes) is not { } head || !head.StartsWith("ref: refs/heads/", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = head["ref: ".Length..].Split('/');
        if (parts.Any(part => part is "" or "." or ".."))
        {
            return null;
        }

        // refs, refs/heads, ... : a linked folder would let the ref be read from elsewhere.
        for (var depth = 1; depth < parts.Length; depth++)
        {
            if (Entry(Path.Combine([repository, .. parts[..depth]])) is not { IsDirectory: true })
            {
                return null;
            }
        }

        // As git reads it: the loose ref when there is one (whatever it is), else the packed one.
        var loose = Path.Combine([repository, .. parts]);
        var commit = Entry(loose) is not null
            ? ReadSmall(loose, MaxRefBytes)
            : ReadSmall(Path.Combine(repository, "packed-refs"), MaxPackedRefsBytes) is { } packed ? Packed(packed, string.Join('/', parts)) : null;
        return commit is { Length: 40 or 64 } && commit.All(char.IsAsciiHexDigitLower) ? commit : null;
    }

    /// <summary>The commit of <paramref name="reference"/> in packed-refs' "id name" lines (a "^" line peels the tag above it).</summary>
    private static string? Packed(string packedRefs, string reference) =>
        packedRefs.Split('\n').Select(line => line.TrimEnd('\r').Split(' ')).FirstOrDefault(line => line.Length == 2 && line[1] == reference)?[0];

    /// <summary>A regular file's text (not a link, a pipe or a device: reading one could block or never end), or null.</summary>
    private static string? ReadSmall(string path, int maxBytes) =>
        Entry(path) is { IsRegularFile: true } && new FileInfo(path).Length <= maxBytes ? File.ReadAllText(path).Trim() : null;

    /// <summary>The entry itself (lstat: a link is a link, a dangling one too), or null when there is none.</summary>
    private static UnixFileStatus? Entry(string path) =>
        Path.Exists(path) || new FileInfo(path).LinkTarget is not null ? UnixFileStatus.Of(path) : null;
}
