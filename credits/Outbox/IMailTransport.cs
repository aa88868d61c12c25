using MimeKit;

namespace Course.Credits.Outbox;

/// <summary>Hands one message to the mail system; one instance serves one flush (it may keep a connection).</summary>
internal interface IMailTransport : IAsyncDisposable
{
    /// <summary>Where messages go, for the command's summary.</summary>
    string Destination { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellation);
}
