namespace Course.Grader.Grading;

/// <summary>One hidden check's outcome: points earned and, when it failed, why.</summary>
internal sealed record CheckResult(string Name, double Points, double MaxPoints, string? Problem);
