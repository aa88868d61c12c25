using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Course.Credits.Outbox;

/// <summary>
/// MailKit over one reused connection; after a failure the next send reconnects. Codes cross the network
/// encrypted: implicit TLS or a STARTTLS that must succeed (never "STARTTLS when available", which a
/// man in the middle turns into plain text by hiding the offer), with the certificate validated. Plain
/// only where <see cref="SmtpSettings.PlainAllowed"/>.
/// </summary>
internal sealed class SmtpTransport : IMailTransport
{
    private readonly SmtpSettings _settings;
    private readonly SmtpClient _client = new() { Timeout = 30_000 };

    public SmtpTransport(SmtpSettings settings)
    {
        _settings = settings;
        if (settings.CertificateSha256 is not null)
        {
            _client.ServerCertificateValidationCallback = AcceptValidOrPinned;
        }
    }

    public string Destination => $"smtp://{_settings.Host}:{_settings.Port}";

    public string? ClearTextFolder => null;

    private SecureSocketOptions Security =>
        _settings.ImplicitTls ? SecureSocketOptions.SslOnConnect
        : _settings.PlainAllowed ? SecureSocketOptions.None
        : SecureSocketOptions.StartTls;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellation)
    {
        try
        {
            if (!_client.IsConnected)
            {
                await ConnectAsync(cancellation);
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

    private async Task ConnectAsync(CancellationToken cancellation)
    {
        var server = $"{_settings.Host}:{_settings.Port}";
        try
        {
            await _client.ConnectAsync(_settings.Host!, _settings.Port, Security, cancellation);
        }
        catch (NotSupportedException error) when (Security == SecureSocketOptions.StartTls)
        {
            throw new SmtpSessionException(
                $"{server} does not offer STARTTLS; set Smtp__AllowPlain=true only if the network between this machine and the server " +
                "is trusted: credit codes would cross it in clear text", error);
        }
        catch (SslHandshakeException error)
        {
            throw new SmtpSessionException(
                $"{server}: the TLS handshake failed ({OneLine(error)}); give the server a certificate this machine trusts, " +
                "or trust its own with Smtp__CertificateSha256", error);
        }

        if (_settings.User is { Length: > 0 } user)
        {
            try
            {
                await _client.AuthenticateAsync(user, _settings.Password ?? "", cancellation);
            }
            catch (AuthenticationException error)
            {
                throw new SmtpSessionException($"{server} refused the login of Smtp__User '{user}': {OneLine(error)}", error);
            }
        }
    }

    /// <summary>What the system trusts, and also the one certificate the course named by its fingerprint.</summary>
    private bool AcceptValidOrPinned(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (certificate is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(certificate.GetRawCertData()), _settings.CertificateSha256));

    private static string OneLine(Exception error) =>
        string.Join(' ', error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
