namespace Course.Grader.Grading;

/// <summary>Store keys of what a run left: its whole /out, its metrics log and its training curve (each null when there is none).</summary>
internal sealed record RunFiles(string? Outputs, string? MetricsLog, string? TrainingCurve);
