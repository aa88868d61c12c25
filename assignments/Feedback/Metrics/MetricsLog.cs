namespace Course.Assignments.Feedback.Metrics;

/// <summary>A parsed metrics log: its points in file order, and the file it came from (for messages).</summary>
public sealed record MetricsLog(string Source, IReadOnlyList<MetricsPoint> Points)
{
    /// <summary>Points that logged a training loss, in order.</summary>
    public IReadOnlyList<MetricsPoint> LossPoints => Points.Where(p => p.Loss is not null).ToList();
}
