using Course.Core.Output;

namespace Course.Grader.Grading.Training;

/// <summary>The Markdown "Training" section of a run's feedback and the curve PNG it links (null when none was drawn).</summary>
internal sealed record TrainingReport(Markdown Section, string? CurvePath);
