using System.Security.Cryptography;

namespace Course.Sandbox.Output;

/// <summary>
/// The host folder bind-mounted at <c>/out</c> for one job.
/// Why a host folder and not a tmpfs: the engine's archive API (how outputs leave the stopped
/// container) cannot see a tmpfs once the container has stopped, and a tmpfs volume is
/// unmounted, and emptied, when its last container stops. A bind mount survives the stop, and
/// the archive API reads it for us, so the host never opens a path the student named: links
/// the job planted here are only ever seen as tar entries and rejected, and
/// <see cref="Directory.Delete(string, bool)"/> removes links without following them.
/// Sizes are bounded by the fsize ulimit per file and by the output limits when collected.
/// </summary>
internal sealed class JobFolder : IDisposable
{
    private JobFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>Creates "root/owner-job-random", writable by the container's nobody user.</summary>
    public static JobFolder Create(string root, string ownerLocal, string jobId)
    {
        Directory.CreateDirectory(root);
        // Other host users may cross the root but not list it; the random suffix is not guessable.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                       | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        var path = System.IO.Path.Combine(root, $"{ownerLocal}-{jobId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}");
        Directory.CreateDirectory(path);
        // The container runs as 65534 and the host process may not be root (no chown): open the folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        }

        return new JobFolder(path);
    }

    /// <summary>The owner part of a folder name made by <see cref="Create"/>.</summary>
    public static string OwnerOf(string folderName) => folderName.Split('-', 2)[0];

    /// <summary>Removes a folder tree without following links; best effort, the sweeper retries later.</summary>
    public static bool TryDelete(string path)
    {
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
