using Course.Core.Errors;
using Course.Core.FileSystem;
using Course.Sandbox.Running;

namespace Course.Sandbox.GpuLeases;

/// <summary>
/// The host-wide folder of GPU lock files (<c>Sandbox:LeaseRoot</c>). Every grader process of the host
/// must use the same one, so it lives at a fixed path, not in a temp folder. It is created 0700, and one
/// that exists must be a real folder of this user that no one else can write: whoever could delete or
/// replace a lock file could hand a busy GPU to a second job.
/// </summary>
internal static class LeaseFolder
{
    private const int GroupOrOthersWrite = 0b000_010_010;

    /// <summary>Creates or checks <paramref name="root"/> and returns it.</summary>
    public static string Prepare(string root)
    {
        try
        {
            Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var status = UnixFileStatus.Of(root);
            var (owner, mode, user) = (status.Owner, status.Permissions, UnixFileStatus.CurrentUser);
            if (!status.IsDirectory)
            {
                throw new BadInputException($"Sandbox:LeaseRoot: '{root}' is not a folder (a link is not accepted)");
            }

            if (owner != user || (mode & GroupOrOthersWrite) != 0)
            {
                throw new BadInputException(
                    $"Sandbox:LeaseRoot: '{root}' belongs to uid {owner} with mode {Convert.ToString(mode, 8).PadLeft(4, '0')}; "
                    + $"it must belong to this user (uid {user}) and be writable by no one else");
            }

            return root;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new SandboxUnavailableException(
                $"Sandbox:LeaseRoot: cannot use '{root}' for GPU leases: {failure.Message}", failure);
        }
    }
}
