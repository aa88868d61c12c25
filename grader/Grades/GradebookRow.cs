using Course.Grader.Grading;

namespace Course.Grader.Grades;

/// <summary>One student's line of the grade book: a fraction per assignment and the weighted total in percent, unrounded.</summary>
public sealed record GradebookRow(string Login, string Name, string? Section,
    IReadOnlyDictionary<string, AssignmentGrade> Assignments, double Total);

/// <summary>A student's grade on one assignment.</summary>
/// <param name="Fraction">Fraction (0..1) of the assignment's points; null while there is none.</param>
/// <param name="Overridden">A staff member replaced the computed score.</param>
/// <param name="Reason">The override's reason.</param>
/// <param name="Missing">Why there is no score yet (a competition not finalized, a project member who stated 0%), else null.</param>
/// <param name="Late">What lateness cost the counting submission (days late, late days used, factor), for automatic scores.</param>
public sealed record AssignmentGrade(double? Fraction, bool Overridden, string? Reason, string? Missing = null, LateDayCharge? Late = null);
