using MimeKit;

namespace Course.Credits.Outbox;

/// <summary>
/// Writes each message to <c>{folder}/{message-id}.eml</c> when no SMTP host is configured (the demo).
/// Such files hold codes in clear text: they are for a demo or a staff member's own mail client.
/// </summary>
internal sealed class EmlFolderTransport(string folder) : IMailTransport
{
    public string Destination => folder;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellation)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, $"{(message.MessageId ?? throw new InvalidOperationException("a message needs a Message-Id")).Split('@')[0]}.eml");
        if (File.Exists(target))
        {
            // Written by an earlier attempt that crashed before recording it: the same message, keep it.
            return;
        }

        var temporary = target + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            await message.WriteToAsync(stream, cancellation);
        }

        File.Move(temporary, target, overwrite: false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
