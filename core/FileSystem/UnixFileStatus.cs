using System.Runtime.InteropServices;

namespace Course.Core.FileSystem;

/// <summary>
/// The owner and kind of one file system entry, read with <c>statx</c> without following a symbolic
/// link (.NET has no API for a file's owner). Linux only, like the grader's sandbox. Intake checks who owns a
/// repository with it, the sandbox who owns the GPU lease folder.
/// </summary>
public readonly record struct UnixFileStatus(uint Owner, uint Mode)
{
    private const int CurrentDirectory = -100;
    private const int NoFollow = 0x100;
    private const uint WantTypeModeAndOwner = 0x1 | 0x2 | 0x8;
    private const uint TypeMask = 0xF000;

    /// <summary>The effective user id of this process (the user git compares a repository's owner with).</summary>
    public static uint CurrentUser => geteuid();

    public bool IsDirectory => (Mode & TypeMask) == 0x4000;

    public bool IsRegularFile => (Mode & TypeMask) == 0x8000;

    public bool IsSymbolicLink => (Mode & TypeMask) == 0xA000;

    /// <summary>The permission bits (rwxrwxrwx), without the file type.</summary>
    public int Permissions => (int)(Mode & 0b111_111_111);

    /// <summary>Reads the entry at <paramref name="path"/>; throws <see cref="IOException"/> naming it when it cannot be read.</summary>
    public static UnixFileStatus Of(string path)
    {
        if (statx(CurrentDirectory, path, NoFollow, WantTypeModeAndOwner, out var buffer) != 0)
        {
            throw new IOException($"cannot read the owner of {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        return new UnixFileStatus(buffer.Owner, buffer.Mode);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask,
        out StatxBuffer buffer);

    /// <summary>The kernel's <c>struct statx</c> (the same on every architecture); only owner and mode are read.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(20)]
        public uint Owner;

        [FieldOffset(28)]
        public ushort Mode;
    }
}
