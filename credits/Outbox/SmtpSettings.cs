using System.Globalization;
using System.Net;
using Course.Core.Cli;
using Course.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace Course.Credits.Outbox;

/// <summary>
/// <c>Smtp:Host</c>, <c>Smtp:Port</c> (25), <c>Smtp:From</c>, optional <c>Smtp:User</c>/<c>Smtp:Password</c>;
/// <c>Smtp:RetryAttempts</c> (3) and <c>Smtp:RetryDelay</c> (2 s, doubled per attempt) within one flush.
/// The connection is encrypted: implicit TLS when <c>Smtp:ImplicitTls</c> (default: port 465), otherwise a
/// STARTTLS that must succeed; plain only to a loopback host or with <c>Smtp:AllowPlain=true</c>.
/// <c>Smtp:CertificateSha256</c> also trusts one certificate (a self-signed relay) by its SHA-256 fingerprint.
/// Without a host, messages are written as .eml files to <c>Smtp:OutboxFolder</c> (default outbox/ beside course.json).
/// Every value is checked when read: a bad one is bad input naming its key.
/// </summary>
internal sealed record SmtpSettings(string? Host, int Port, string From, string? User, string? Password, int RetryAttempts,
    TimeSpan RetryDelay, string OutboxFolder, bool AllowPlain, bool ImplicitTls, byte[]? CertificateSha256)
{
    /// <summary>True when the connection may go without TLS: the course said so, or the server is on this machine.</summary>
    public bool PlainAllowed => AllowPlain || IsLoopback(Host);

    public static SmtpSettings Read(IConfiguration configuration, CoursePaths paths)
    {
        // The messages name the environment variables (Smtp__Port), as operators set them.
        var smtp = new SettingsSection(configuration, "Smtp", separator: "__");
        var port = smtp.Read("Port", 25, (string text, out int value) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value is >= 1 and <= 65535, "a port number (1-65535)");
        return new SmtpSettings(
            smtp.Text("Host")?.Trim(),
            port,
            smtp.Text("From") ?? "credits@course.invalid",
            smtp.Text("User"),
            smtp.Text("Password"),
            smtp.Read("RetryAttempts", 3, (string text, out int value) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
                && value <= 20, "a number of attempts (0-20)"),
            smtp.Read("RetryDelay", TimeSpan.FromSeconds(2), (string text, out TimeSpan value) =>
                TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero && value <= TimeSpan.FromMinutes(5),
                "a delay such as 00:00:02 (at most 5 minutes)"),
            paths.Resolve(smtp.Text("OutboxFolder") ?? "outbox"),
            smtp.Boolean("AllowPlain", false),
            smtp.Boolean("ImplicitTls", port == 465),
            smtp.Read<byte[]?>("CertificateSha256", null, TryReadFingerprint,
                "a SHA-256 fingerprint: 64 hexadecimal digits, optionally separated by ':' (openssl x509 -noout -fingerprint -sha256)"));
    }

    private static bool TryReadFingerprint(string text, out byte[]? fingerprint)
    {
        fingerprint = null;
        var hex = text.Replace(":", "", StringComparison.Ordinal);
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        fingerprint = Convert.FromHexString(hex);
        return true;
    }

    private static bool IsLoopback(string? host)
    {
        if (host is null)
        {
            return false;
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address)
            && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }
}
