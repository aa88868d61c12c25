using System.Globalization;

namespace Course.Grader.Cluster;

/// <summary>A time as Slurm's commands print it: the machine's local time to the second (<c>2026-11-26T19:03:45</c>).</summary>
internal static class SlurmTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>The time <paramref name="text"/> names; null for what is not a time (N/A, Unknown, None, empty).</summary>
    public static DateTimeOffset? Parse(string? text) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var time) ? new DateTimeOffset(time) : null;
}
