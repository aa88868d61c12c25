namespace Course.Assignments.Feedback.Metrics;

/// <summary>A parsed metrics log: its points in file order, and the file it came from (for messages).</summary>
public sealed record MetricsLog(string Source, IReadOnlyList<MetricsPoint> Points)
{
    /// <summary>Points that logged a training loss, in order.</summary>
    public IReadOnlyList<MetricsPoint> LossPoints => Points.Where(p => p.Loss is not null).ToList();

    /// <summary>The last val_accuracy logged, else the last accuracy; null when neither was logged.</summary>
    public LoggedAccuracy? FinalAccuracy =>
        Points.LastOrDefault(p => p.ValidationAccuracy is not null) is { } validation
            ? new LoggedAccuracy("val_accuracy", validation.ValidationAccuracy!.Value, validation.Step)
            : Points.LastOrDefault(p => p.Accuracy is not null) is { } training
                ? new LoggedAccuracy("accuracy", training.Accuracy!.Value, training.Step)
                : null;
}
