namespace Course.Assignments.Feedback.Checks;

/// <summary>
/// What the checks compare against. Defaults: 10 classes, baseline accuracy 1/classes (the
/// input-independent guess on a balanced set), initial loss within 25 % of ln(classes), loss going
/// down by at least 10 % from the first to the last tenth of the run, accuracy at least 2 points above
/// the baseline.
/// </summary>
public sealed record FeedbackOptions
{
    public int Classes { get; init; } = 10;

    /// <summary>Accuracy of the input-independent baseline (majority class); null means 1 / <see cref="Classes"/>.</summary>
    public double? BaselineAccuracy { get; init; }

    public double InitialLossTolerance { get; init; } = 0.25;

    public double RequiredLossDrop { get; init; } = 0.10;

    public double BaselineMargin { get; init; } = 0.02;

    /// <summary>The overfit-one-batch run passes when its last loss is below this (or its accuracy reaches 0.99).</summary>
    public double OverfitLoss { get; init; } = 0.1;

    /// <summary>Relative difference tolerated between two runs with the same seed.</summary>
    public double SameSeedTolerance { get; init; } = 1e-6;

    /// <summary>
    /// Why no baseline accuracy is known (e.g. the assignment was not calibrated). When set and
    /// <see cref="BaselineAccuracy"/> is null, beats-baseline is skipped with this note instead of
    /// assuming a balanced set's 1 / <see cref="Classes"/>.
    /// </summary>
    public string? BaselineUnknown { get; init; }

    internal double Baseline => BaselineAccuracy ?? 1.0 / Classes;
}
