using System.Globalization;

namespace Course.Assignments.Model.Values;

/// <summary>Sizes as Docker writes them: "512m", "1.5g", "64k", or plain bytes.</summary>
public static class ByteSize
{
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim().ToLowerInvariant().TrimEnd('b');
        var multiplier = trimmed.Length == 0 ? 1L : trimmed[^1] switch
        {
            'k' => 1L << 10,
            'm' => 1L << 20,
            'g' => 1L << 30,
            't' => 1L << 40,
            _ => 1L,
        };
        var number = multiplier == 1 ? trimmed : trimmed[..^1];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0 || !double.IsFinite(amount) || amount * multiplier > long.MaxValue / 2)
        {
            return false;
        }

        bytes = (long)(amount * multiplier);
        return true;
    }

    public static long Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a size like 512m or 1.5g");
}
