using MimeKit;

namespace Course.Credits.Outbox;

/// <summary>
/// Writes each message to <c>{folder}/{message-id}.eml</c> when no SMTP host is configured (the demo).
/// Such files hold codes in clear text: they are for a demo or a staff member's own mail client, so the
/// folder is the owner's only (0700, also when it already existed) and each file is created 0600: there is
/// no moment when another user of the machine could read one.
/// </summary>
internal sealed class EmlFolderTransport : IMailTransport
{
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _folder;

    private EmlFolderTransport(string folder) => _folder = folder;

    public string Destination => _folder;

    public string? ClearTextFolder => Directory.Exists(_folder) ? _folder : null;

    /// <summary>Takes an existing folder away from everyone but its owner (it may hold codes from before).</summary>
    public static EmlFolderTransport Open(string folder)
    {
        if (!OperatingSystem.IsWindows() && Directory.Exists(folder))
        {
            File.SetUnixFileMode(folder, OwnerFolder);
        }

        return new EmlFolderTransport(folder);
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellation)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_folder);
        }
        else
        {
            Directory.CreateDirectory(_folder, OwnerFolder);
        }

        var target = Path.Combine(_folder, $"{(message.MessageId ?? throw new InvalidOperationException("a message needs a Message-Id")).Split('@')[0]}.eml");
        if (File.Exists(target))
        {
            // Written by an earlier attempt that crashed before recording it: the same message, keep it.
            return;
        }

        // A leftover of a crashed attempt is replaced, not reopened: reopening would keep its old mode.
        var temporary = target + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerFile;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await message.WriteToAsync(stream, cancellation);
        }

        File.Move(temporary, target, overwrite: false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
