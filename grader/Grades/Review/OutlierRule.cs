using System.Globalization;

namespace Course.Grader.Grades.Review;

/// <summary>
/// When a score is far from the rest: its z-score against a reference (the class's latest scores on the assignment,
/// or the owner's own latest scores on the other assignments) is above <see cref="Threshold"/>. The spread is the
/// reference's population standard deviation, taken as at least <see cref="MinSpread"/> so that a class that all
/// scored alike does not make a small difference an outlier; fewer than <see cref="MinReference"/> scores tell nothing.
/// </summary>
public static class OutlierRule
{
    public const double Threshold = 2;
    public const double MinSpread = 0.05;
    public const int MinReference = 3;

    public static readonly string Text = string.Create(CultureInfo.InvariantCulture,
        $"a score is an outlier when it lies more than {Threshold} standard deviations from the mean of the class's latest scores on the assignment, " +
        $"or of the student's own latest scores on the other assignments (z-score > {Threshold}; at least {MinReference} scores to compare with; " +
        $"a spread under {MinSpread * 100:0} points counts as {MinSpread * 100:0}); scores are before any late penalty");

    /// <summary>The z-score of <paramref name="value"/> against <paramref name="reference"/>, or null when the reference is too small.</summary>
    public static double? ZScore(double value, IReadOnlyCollection<double> reference)
    {
        if (reference.Count < MinReference)
        {
            return null;
        }

        var mean = reference.Average();
        var spread = Math.Sqrt(reference.Sum(x => (x - mean) * (x - mean)) / reference.Count);
        return (value - mean) / Math.Max(spread, MinSpread);
    }

    /// <summary>The reason when <paramref name="value"/> is an outlier against <paramref name="reference"/>, else null.</summary>
    public static string? Describe(double value, IReadOnlyCollection<double> reference, string against) =>
        ZScore(value, reference) is { } z && Math.Abs(z) > Threshold
            ? string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.#}% is {Math.Abs(z):0.0} standard deviations {(z < 0 ? "below" : "above")} {against} (mean {reference.Average() * 100:0.#}%)")
            : null;
}
