namespace Course.Grader.Calibration;

/// <summary>A finding that the assignment is mis-set, e.g. <c>reference-slow</c>, with a message for the instructor.</summary>
public sealed record CalibrationFlag(string Code, string Message);
