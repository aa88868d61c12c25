namespace Course.Grader.Grading.Training;

/// <summary>The Markdown "Training" section of a run's feedback and the curve PNG it links (null when none was drawn).</summary>
internal sealed record TrainingReport(string Section, string? CurvePath);
