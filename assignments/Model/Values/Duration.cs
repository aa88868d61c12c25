using System.Globalization;

namespace Course.Assignments.Model.Values;

/// <summary>Durations as written in course.json and on the command line: "90s", "10m", "1h", "500ms".</summary>
public static class Duration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var units = new (string Suffix, double Seconds)[] { ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600) };
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                && amount > 0 && double.IsFinite(amount))
            {
                value = TimeSpan.FromSeconds(amount * seconds);
                return true;
            }
        }

        return false;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a duration like 90s, 10m or 1h");
}
