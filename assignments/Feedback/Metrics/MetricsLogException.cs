using Course.Core.Errors;

namespace Course.Assignments.Feedback.Metrics;

/// <summary>A metrics log that breaks the format: the message names the file, the line and the field.</summary>
public sealed class MetricsLogException(string message) : BadInputException(message);
