namespace Course.Assignments.Feedback.Metrics;

/// <summary>One accuracy value of a metrics log: which field it came from ("val_accuracy" or "accuracy") and at which step.</summary>
public sealed record LoggedAccuracy(string Field, double Value, long Step);
