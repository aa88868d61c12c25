using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Course.Sandbox.GpuLeases;

/// <summary>
/// The Linux calls behind host-wide GPU leases: open a lock file and flock(2) it.
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

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int FLock(SafeFileHandle file, int operation);
}
