using MimeKit;

namespace Course.Credits.Outbox;

/// <summary>Hands one message to the mail system; one instance serves one flush (it may keep a connection).</summary>
internal interface IMailTransport : IAsyncDisposable
{
    /// <summary>Where messages go, for the command's summary.</summary>
    string Destination { get; }

    /// <summary>The folder on this machine where messages, codes included, lie in clear text; null when they leave it (or none are there).</summary>
    string? ClearTextFolder { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellation);
}
