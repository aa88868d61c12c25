namespace Course.Assignments.Feedback.Metrics;

/// <summary>
/// Caps on a student-written metrics log. Defaults: 8 MiB, 200,000 lines, 4,096 bytes per line,
/// 32 fields per line, 64 characters per field name.
/// </summary>
public sealed record MetricsLogLimits
{
    public long MaxBytes { get; init; } = 8 * 1024 * 1024;

    public int MaxLines { get; init; } = 200_000;

    public int MaxLineBytes { get; init; } = 4096;

    public int MaxFields { get; init; } = 32;

    public int MaxNameLength { get; init; } = 64;
}
