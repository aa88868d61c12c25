using System.Globalization;
using Course.Core.Errors;

namespace Course.Sandbox.Limits;

/// <summary>
/// Parses the limit notation of course.json and the command line: sizes like "512m", "1.5g",
/// "2048k" or plain bytes; durations like "90s", "10m", "1h", "500ms".
/// </summary>
public static class LimitText
{
    /// <summary>Bytes of a size; k, m, g, t are powers of 1024. Throws <see cref="BadInputException"/> naming <paramref name="field"/>.</summary>
    public static long ParseBytes(string text, string field = "size")
    {
        var (number, unit) = Split(text, field);
        double factor = unit switch
        {
            "" or "b" => 1,
            "k" or "kb" or "kib" => 1L << 10,
            "m" or "mb" or "mib" => 1L << 20,
            "g" or "gb" or "gib" => 1L << 30,
            "t" or "tb" or "tib" => 1L << 40,
            _ => throw Bad(text, field, "a size like 512m or 1.5g"),
        };
        var bytes = number * factor;
        return bytes is >= 1 and < long.MaxValue ? (long)bytes : throw Bad(text, field, "a positive size");
    }

    /// <summary>A duration: ms, s, m, h (seconds when no unit). Throws <see cref="BadInputException"/> naming <paramref name="field"/>.</summary>
    public static TimeSpan ParseDuration(string text, string field = "duration")
    {
        var (number, unit) = Split(text, field);
        var duration = unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(number),
            "" or "s" => TimeSpan.FromSeconds(number),
            "m" or "min" => TimeSpan.FromMinutes(number),
            "h" => TimeSpan.FromHours(number),
            _ => throw Bad(text, field, "a duration like 90s, 10m or 1h"),
        };
        return duration > TimeSpan.Zero ? duration : throw Bad(text, field, "a positive duration");
    }

    private static (double Number, string Unit) Split(string text, string field)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        var end = 0;
        while (end < trimmed.Length && (char.IsAsciiDigit(trimmed[end]) || trimmed[end] == '.'))
        {
            end++;
        }

        if (end == 0 || !double.TryParse(trimmed[..end], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture,
                out var number) || !double.IsFinite(number))
        {
            throw Bad(text, field, "a number with an optional unit");
        }

        return (number, trimmed[end..].Trim());
    }

    private static BadInputException Bad(string text, string field, string expected) =>
        new($"{field}: '{text}' is not {expected}");
}
