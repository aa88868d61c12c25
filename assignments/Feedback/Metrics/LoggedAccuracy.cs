using System.Globalization;

namespace Course.Assignments.Feedback.Metrics;

/// <summary>
/// One accuracy of a metrics log: the field it came from ("val_accuracy" or "accuracy"), its value,
/// the step it was logged at, and how many logged values it is the mean of (1 for a single value).
/// </summary>
public sealed record LoggedAccuracy(string Field, double Value, long Step, int Count = 1)
{
    /// <summary>How feedback names it: "last val_accuracy 0.78 (step 5)", or "mean accuracy 0.11 of the last 5 logged (to step 700)".</summary>
    public string Describe()
    {
        var value = Value.ToString("0.####", CultureInfo.InvariantCulture);
        return Count == 1 ? $"last {Field} {value} (step {Step})" : $"mean {Field} {value} of the last {Count} logged (to step {Step})";
    }
}
