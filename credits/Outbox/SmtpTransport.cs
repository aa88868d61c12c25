using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Course.Credits.Outbox;

/// <summary>MailKit over one reused connection; after a failure the next send reconnects.</summary>
internal sealed class SmtpTransport(SmtpSettings settings) : IMailTransport
{
    private readonly SmtpClient _client = new() { Timeout = 30_000 };

    public string Destination => $"smtp://{settings.Host}:{settings.Port}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellation)
    {
        try
        {
            if (!_client.IsConnected)
            {
                await _client.ConnectAsync(settings.Host!, settings.Port, SecureSocketOptions.StartTlsWhenAvailable, cancellation);
                if (settings.User is { Length: > 0 } user)
                {
                    await _client.AuthenticateAsync(user, settings.Password ?? "", cancellation);
                }
            }

            await _client.SendAsync(message, cancellation);
        }
        catch (Exception) when (_client.IsConnected && !cancellation.IsCancellationRequested)
        {
            // Start the next attempt from a clean session; the original error is what the caller reports.
            await _client.DisconnectAsync(false, CancellationToken.None);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(true, CancellationToken.None);
        }

        _client.Dispose();
    }
}
