using Course.Core.Cli;
using Microsoft.Extensions.Configuration;

namespace Course.Credits.Outbox;

/// <summary>
/// <c>Smtp:Host</c>, <c>Smtp:Port</c> (25), <c>Smtp:From</c>, optional <c>Smtp:User</c>/<c>Smtp:Password</c>;
/// <c>Smtp:RetryAttempts</c> (3) and <c>Smtp:RetryDelay</c> (2 s, doubled per attempt) within one flush.
/// Without a host, messages are written as .eml files to <c>Smtp:OutboxFolder</c> (default outbox/ beside course.json).
/// </summary>
internal sealed record SmtpSettings(string? Host, int Port, string From, string? User, string? Password, int RetryAttempts,
    TimeSpan RetryDelay, string OutboxFolder)
{
    public static SmtpSettings Read(IConfiguration configuration, CoursePaths paths)
    {
        var smtp = configuration.GetSection("Smtp");
        return new SmtpSettings(
            string.IsNullOrWhiteSpace(smtp["Host"]) ? null : smtp["Host"],
            int.TryParse(smtp["Port"], out var port) ? port : 25,
            smtp["From"] is { Length: > 0 } from ? from : "credits@course.invalid",
            smtp["User"],
            smtp["Password"],
            int.TryParse(smtp["RetryAttempts"], out var attempts) ? attempts : 3,
            TimeSpan.TryParse(smtp["RetryDelay"], System.Globalization.CultureInfo.InvariantCulture, out var delay) ? delay : TimeSpan.FromSeconds(2),
            paths.Resolve(smtp["OutboxFolder"] is { Length: > 0 } folder ? folder : "outbox"));
    }
}
