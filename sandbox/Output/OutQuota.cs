using System.Globalization;
using Course.Sandbox.Running;

namespace Course.Sandbox.Output;

/// <summary>
/// The size of the tmpfs that holds a job's <c>/out</c>, from its output limits. The kernel stops
/// writes there; a full tmpfs means the job went past its limits, and it is stopped.
/// </summary>
internal static class OutQuota
{
    /// <summary>Folders (and links, FIFOs) a job may make beside its files before the folder counts as full.</summary>
    public const int OtherEntries = 64;

    // tmpfs counts whole pages: a 1-byte file takes one. Room for every file's last page keeps a job
    // within its byte limit from filling the tmpfs with many small files.
    private const long Page = 4096;

    public static long Bytes(OutputLimits limits) => checked(limits.MaxTotalBytes + (limits.MaxFiles + OtherEntries) * Page);

    /// <summary>The folder itself takes one inode.</summary>
    public static long Inodes(OutputLimits limits) => checked(limits.MaxFiles + OtherEntries + 1L);

    /// <summary>tmpfs mount options: the container's user owns the folder; nobody else may read it.</summary>
    public static string MountOptions(OutputLimits limits, string containerUser) => string.Create(CultureInfo.InvariantCulture,
        $"size={Bytes(limits)},nr_inodes={Inodes(limits)},mode=0700,uid={containerUser},gid={containerUser}");

    /// <summary>Whether a tmpfs sized by <see cref="MountOptions"/> has no room left: the job reached a limit.</summary>
    public static bool IsFull(FileSystemFill fill) => fill.FreeBytes < Page || fill.FreeInodes == 0;
}
