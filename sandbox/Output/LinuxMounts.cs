using System.Runtime.InteropServices;

namespace Course.Sandbox.Output;

/// <summary>
/// The three Linux calls behind a size-capped <c>/out</c>: mount a tmpfs, read its fill, detach it.
/// Called directly rather than through mount(8) so a job's start costs no extra process.
/// </summary>
internal static partial class LinuxMounts
{
    private const ulong NoSetUid = 2;
    private const ulong NoDevices = 4;
    private const ulong NoExec = 8;
    private const int Detach = 2;

    /// <summary>Whether this process may mount (root); others keep <c>/out</c> in an engine volume.</summary>
    public static bool CanMount => OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess;

    /// <summary>Mounts a tmpfs on <paramref name="target"/>: no programs, no set-uid, no devices.</summary>
    public static void MountTmpfs(string target, string options)
    {
        if (Mount("tmpfs", target, "tmpfs", NoSetUid | NoDevices | NoExec, options) != 0)
        {
            throw new IOException($"mounting a tmpfs on '{target}' ({options}): {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }

    /// <summary>Detaches the mount at <paramref name="target"/>, also while a process still holds a file in it.</summary>
    public static bool TryUnmount(string target) => Unmount(target, Detach) == 0;

    /// <summary>Blocks and inodes of the file system holding <paramref name="path"/>.</summary>
    public static FileSystemFill Fill(string path)
    {
        // glibc's struct statvfs on 64-bit Linux: eleven unsigned longs (block size, fragment size, blocks,
        // free, available, files, free files, ...) and six ints of padding: 112 bytes.
        Span<ulong> stat = stackalloc ulong[14];
        if (StatVfs(path, stat) != 0)
        {
            throw new IOException($"reading the fill of '{path}': {Marshal.GetLastPInvokeErrorMessage()}");
        }

        var fragment = stat[1];
        return new FileSystemFill(checked((long)(stat[2] * fragment)), checked((long)(stat[3] * fragment)),
            checked((long)stat[5]), checked((long)stat[6]));
    }

    [LibraryImport("libc", EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Mount(string source, string target, string type, ulong flags, string data);

    [LibraryImport("libc", EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Unmount(string target, int flags);

    [LibraryImport("libc", EntryPoint = "statvfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatVfs(string path, Span<ulong> buffer);
}
