using System.Globalization;
using Course.Core.Errors;

namespace Course.Grader.Web.Auth;

/// <summary>How long a new token signs in: <c>--expires</c> of <c>grader users token</c>, in days or hours.</summary>
internal static class TokenLifetime
{
    public static readonly TimeSpan Default = TimeSpan.FromDays(90);

    /// <summary>A year: a token that should outlive the course is better issued again.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(365);

    /// <summary>"30d" or "12h"; null gives <see cref="Default"/>. Throws <see cref="BadInputException"/> naming <c>--expires</c>.</summary>
    public static TimeSpan Parse(string? text)
    {
        if (text is null)
        {
            return Default;
        }

        var trimmed = text.Trim().ToLowerInvariant();
        var unit = trimmed.Length > 0 ? trimmed[^1] : ' ';
        if (unit is not ('d' or 'h')
            || !int.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new BadInputException($"--expires: '{text}' is not a lifetime like 30d or 12h");
        }

        var hours = (long)count * (unit == 'd' ? 24 : 1);
        return hours <= Longest.TotalHours
            ? TimeSpan.FromHours(hours)
            : throw new BadInputException($"--expires: '{text}' is longer than {Longest.TotalDays:0} days");
    }
}
