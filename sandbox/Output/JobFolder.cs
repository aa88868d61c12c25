using System.Security.Cryptography;
using Course.Sandbox.Engine;
using Course.Sandbox.Running;

namespace Course.Sandbox.Output;

/// <summary>
/// The host folder bind-mounted at <c>/out</c> for one job.
/// Why a host folder and not a tmpfs inside the container: the engine's archive API (how outputs leave
/// the stopped container) cannot see a container's tmpfs once it has stopped, and a tmpfs volume is
/// unmounted, and emptied, when its last container stops. A bind mount survives the stop, and the
/// archive API reads it for us, so the host never opens a path the student named.
/// When this process may mount (root), the folder is itself a tmpfs the size of the output limits,
/// mounted noexec, nosuid and nodev and owned by the container's user: the kernel refuses writes past
/// the limits while the job runs (so /out cannot fill the host's disk), nothing there can be run, and
/// unmounting it removes whatever the job left, whatever modes it gave its files.
/// Otherwise /out is a plain folder, bounded only by the fsize ulimit per file and the time limit.
/// </summary>
internal sealed class JobFolder : IDisposable
{
    private JobFolder(string path, bool capped)
    {
        Path = path;
        Capped = capped;
    }

    public string Path { get; }

    /// <summary>Whether the folder is a size-capped tmpfs (see the type's summary).</summary>
    public bool Capped { get; }

    /// <summary>Creates "root/owner-job-random", writable by the container's user, capped when this process may mount.</summary>
    public static JobFolder Create(string root, string ownerLocal, string jobId, OutputLimits limits)
    {
        Directory.CreateDirectory(root);
        // Other host users may cross the root but not list it; the random suffix is not guessable.
        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                   | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);

        var path = System.IO.Path.Combine(root, $"{ownerLocal}-{jobId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}");
        Directory.CreateDirectory(path);
        if (LinuxMounts.CanMount)
        {
            try
            {
                LinuxMounts.MountTmpfs(path, OutQuota.MountOptions(limits, HardenedContainer.UserId));
            }
            catch (IOException)
            {
                Directory.Delete(path);
                throw;
            }

            return new JobFolder(path, capped: true);
        }

        // The container runs as 65534 and this process is not root (no chown): open the folder.
        File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        return new JobFolder(path, capped: false);
    }

    /// <summary>Whether the job has filled its capped folder, that is gone past its output limits.</summary>
    public bool IsFull() => Capped && OutQuota.IsFull(LinuxMounts.Fill(Path));

    /// <summary>The owner part of a folder name made by <see cref="Create"/>.</summary>
    public static string OwnerOf(string folderName) => folderName.Split('-', 2)[0];

    /// <summary>
    /// Removes a job folder without following links: unmounts it first when it is a tmpfs (which drops
    /// everything in it). Best effort: false when something is left, for the sweeper or a clean-up run.
    /// </summary>
    public static bool TryDelete(string path)
    {
        if (LinuxMounts.CanMount)
        {
            // Not a mount point (EINVAL) is fine: then it is a plain folder.
            LinuxMounts.TryUnmount(path);
        }

        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose() => TryDelete(Path);
}
