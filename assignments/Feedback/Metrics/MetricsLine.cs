namespace Course.Assignments.Feedback.Metrics;

/// <summary>One parsed metrics line: its numeric fields by name, and the <see cref="TrainingDevice"/> it names (null when none).</summary>
internal sealed record MetricsLine(Dictionary<string, double> Numbers, string? Device);
