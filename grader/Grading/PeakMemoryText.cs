using System.Globalization;

namespace Course.Grader.Grading;

/// <summary>
/// How a run's sampled peak memory reads in calibration output and feedback. An unknown peak is said
/// to be unknown: printing 0 would read as "used no memory".
/// </summary>
internal static class PeakMemoryText
{
    private const double BytesPerMiB = 1024 * 1024;

    public static string Describe(long? bytes) => bytes is { } peak
        ? string.Create(CultureInfo.InvariantCulture, $"peak memory {peak / BytesPerMiB:0.0} MiB")
        : "peak memory not sampled (the run ended before the first sample)";
}
