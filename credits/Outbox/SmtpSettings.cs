using System.Globalization;
using System.Net;
using Course.Core.Cli;
using Course.Core.Errors;
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
        var smtp = configuration.GetSection("Smtp");
        var port = Read(smtp, "Port", 25, (string text, out int value) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value is >= 1 and <= 65535, "a port number (1-65535)");
        return new SmtpSettings(
            string.IsNullOrWhiteSpace(smtp["Host"]) ? null : smtp["Host"]!.Trim(),
            port,
            smtp["From"] is { Length: > 0 } from ? from : "credits@course.invalid",
            smtp["User"],
            smtp["Password"],
            Read(smtp, "RetryAttempts", 3, (string text, out int value) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
                && value <= 20, "a number of attempts (0-20)"),
            Read(smtp, "RetryDelay", TimeSpan.FromSeconds(2), (string text, out TimeSpan value) =>
                TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero && value <= TimeSpan.FromMinutes(5),
                "a delay such as 00:00:02 (at most 5 minutes)"),
            paths.Resolve(smtp["OutboxFolder"] is { Length: > 0 } folder ? folder : "outbox"),
            Read(smtp, "AllowPlain", false, bool.TryParse, "true or false"),
            Read(smtp, "ImplicitTls", port == 465, bool.TryParse, "true or false"),
            Read<byte[]?>(smtp, "CertificateSha256", null, TryReadFingerprint,
                "a SHA-256 fingerprint: 64 hexadecimal digits, optionally separated by ':' (openssl x509 -noout -fingerprint -sha256)"));
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static T Read<T>(IConfigurationSection smtp, string key, T fallback, TryParse<T> parse, string expected)
    {
        var text = smtp[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return parse(text.Trim(), out var value)
            ? value
            : throw new BadInputException($"Smtp__{key}: '{text}' is not {expected}");
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
