namespace Course.Assignments.Feedback.Metrics;

/// <summary>
/// A parsed metrics log: its points in file order, the file it came from (for messages), and the
/// <see cref="TrainingDevice"/> its lines name (null when none does, as in logs written before the field existed).
/// </summary>
public sealed record MetricsLog(string Source, IReadOnlyList<MetricsPoint> Points, string? Device = null)
{
    /// <summary>Points that logged a training loss, in order.</summary>
    public IReadOnlyList<MetricsPoint> LossPoints => Points.Where(p => p.Loss is not null).ToList();

    /// <summary>Training accuracies averaged by <see cref="FinalAccuracy"/>: each is one batch, a noisy sample.</summary>
    public const int TrainingAccuracyWindow = 5;

    /// <summary>
    /// The last val_accuracy logged (one measurement on a whole validation set), else the mean of the
    /// last <see cref="TrainingAccuracyWindow"/> training accuracies, so that one lucky batch of a
    /// diverged run does not look better than chance; null when neither was logged.
    /// </summary>
    public LoggedAccuracy? FinalAccuracy
    {
        get
        {
            if (Points.LastOrDefault(p => p.ValidationAccuracy is not null) is { } validation)
            {
                return new LoggedAccuracy("val_accuracy", validation.ValidationAccuracy!.Value, validation.Step);
            }

            var training = Points.Where(p => p.Accuracy is not null).TakeLast(TrainingAccuracyWindow).ToList();
            return training.Count == 0
                ? null
                : new LoggedAccuracy("accuracy", training.Average(p => p.Accuracy!.Value), training[^1].Step, training.Count);
        }
    }
}
