namespace Course.Grader.Grades;

/// <summary>A competition's column of the grade book.</summary>
/// <param name="Fractions">Fractions (0..1) of the assignment's points by student login; a student without an entry has none.</param>
/// <param name="Missing">Why the whole column is empty (the competition is not finalized), else null.</param>
public sealed record CompetitionColumn(IReadOnlyDictionary<string, double> Fractions, string? Missing);
