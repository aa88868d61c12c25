using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Course.Sandbox.GpuLeases;

/// <summary>
/// The Linux calls behind host-wide GPU leases: open a lock file, flock(2) it, stat the lease folder.
/// .NET's own FileShare locking is not used: it is skipped without a word on some file systems or when
/// DOTNET_SYSTEM_IO_DISABLEFILELOCKING is set, and two jobs sharing a GPU must never pass unnoticed.
/// </summary>
internal static partial class LockCalls
{
    // Linux open flags and errno values, the same on x86-64, arm64 and the other asm-generic targets.
    private const int ReadWrite = 2;
    private const int Create = 0x40;
    private const int CloseOnExec = 0x80000;
    private const int WouldBlock = 11;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int CurrentFolder = -100;
    private const int NoFollow = 0x100;
    private const uint TypeModeAndOwner = 0x1 | 0x2 | 0x8;
    private const int FileTypeMask = 0xF000;
    private const int Folder = 0x4000;

    /// <summary>
    /// Opens (creating, mode 0600) a lock file. Close-on-exec: a child process (git, a compiler) must not
    /// inherit the descriptor, or the lock would outlive this process.
    /// </summary>
    public static SafeFileHandle OpenLockFile(string path)
    {
        var descriptor = Open(path, ReadWrite | Create | CloseOnExec, 0b110_000_000);
        return descriptor >= 0
            ? new SafeFileHandle(descriptor, ownsHandle: true)
            : throw new IOException($"opening '{path}': {Marshal.GetLastPInvokeErrorMessage()}");
    }

    /// <summary>
    /// Takes an exclusive flock(2) on the open file without waiting; false when another open file (this
    /// process's or another's) holds it. The kernel drops it when the file is closed or its process dies.
    /// </summary>
    public static bool TryLockExclusive(SafeFileHandle file, string path)
    {
        if (FLock(file, LockExclusive | LockNonBlocking) == 0)
        {
            return true;
        }

        return Marshal.GetLastPInvokeError() == WouldBlock
            ? false
            : throw new IOException($"locking '{path}' (a local file system is needed): {Marshal.GetLastPInvokeErrorMessage()}");
    }

    /// <summary>What <paramref name="path"/> itself is (a link is not followed): folder or not, owner and permission bits.</summary>
    public static (bool IsFolder, uint Owner, int Mode) Stat(string path)
    {
        // struct statx has one layout on every architecture: stx_uid at byte 20, stx_mode at byte 28.
        Span<byte> buffer = stackalloc byte[256];
        if (StatX(CurrentFolder, path, NoFollow, TypeModeAndOwner, buffer) != 0)
        {
            throw new IOException($"reading '{path}': {Marshal.GetLastPInvokeErrorMessage()}");
        }

        var mode = (int)BitConverter.ToUInt16(buffer[28..30]);
        return ((mode & FileTypeMask) == Folder, BitConverter.ToUInt32(buffer[20..24]), mode & 0b111_111_111);
    }

    public static uint EffectiveUserId => GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int FLock(SafeFileHandle file, int operation);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatX(int folder, string path, int flags, uint mask, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
