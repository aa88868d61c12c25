using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Course.Sandbox.GpuLeases;

/// <summary>
/// One GPU's lock file in the lease folder, held with an exclusive flock(2) while a job uses the GPU; the
/// kernel drops the lock when the holder closes it or its process dies, however it dies. The holder writes
/// its name in the file and empties it when it lets go, so a name found by the next holder means the last
/// one died holding it: its container may still be running on the GPU.
/// </summary>
internal sealed class GpuLockFile : IDisposable
{
    private const int MaxRecordBytes = 1024;

    private readonly SafeFileHandle _file;
    private bool _recorded;

    private GpuLockFile(string device, SafeFileHandle file, string? abandonedBy)
    {
        Device = device;
        _file = file;
        AbandonedBy = abandonedBy;
    }

    public string Device { get; }

    /// <summary>The record of a holder that died holding the GPU; null when it was let go properly.</summary>
    public string? AbandonedBy { get; }

    /// <summary>Locks the file of <paramref name="device"/> in <paramref name="folder"/>; null when someone holds it.</summary>
    public static GpuLockFile? TryTake(string folder, string device)
    {
        var path = Path.Combine(folder, FileName(device));
        var file = LockCalls.OpenLockFile(path);
        try
        {
            if (!LockCalls.TryLockExclusive(file, path))
            {
                file.Dispose();
                return null;
            }

            var buffer = new byte[MaxRecordBytes];
            var record = Encoding.UTF8.GetString(buffer, 0, RandomAccess.Read(file, buffer, 0)).Trim();
            return new GpuLockFile(device, file, record.Length > 0 ? record : null);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The lock file's name: the UUID with everything but letters, digits and <c>-._~</c> escaped, so every
    /// device (MIG UUIDs carry '/') gets a file of its own inside the folder.
    /// </summary>
    public static string FileName(string device) => $"{Uri.EscapeDataString(device)}.lock";

    /// <summary>Writes who holds the GPU now; from here on, letting go empties the file again.</summary>
    public void Record(string holder)
    {
        var bytes = Encoding.UTF8.GetBytes(holder + "\n");
        RandomAccess.SetLength(_file, 0);
        RandomAccess.Write(_file, bytes.AsSpan(0, Math.Min(bytes.Length, MaxRecordBytes)), 0);
        _recorded = true;
    }

    /// <summary>Empties the record (when one was written) and lets go of the lock.</summary>
    public void Dispose()
    {
        try
        {
            if (_recorded)
            {
                RandomAccess.SetLength(_file, 0);
            }
        }
        catch (IOException)
        {
            // The next holder then finds a record and sweeps leftovers it need not have: harmless.
        }
        finally
        {
            _file.Dispose();
        }
    }
}
