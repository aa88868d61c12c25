namespace Course.Assignments.Feedback.Metrics;

/// <summary>
/// One line of a run's metrics.jsonl. Only <see cref="Step"/> is required; a value that was not
/// logged is null, a logged NaN or Infinity is kept as such (the feedback reports it).
/// </summary>
public sealed record MetricsPoint(
    long Step,
    double? Epoch = null,
    double? Loss = null,
    double? Accuracy = null,
    double? ValidationLoss = null,
    double? ValidationAccuracy = null);
