namespace Course.Grader.Grades;

/// <summary>One student's line of the grade book: a fraction per assignment and the weighted total in percent.</summary>
public sealed record GradebookRow(string Login, string Name, string? Section,
    IReadOnlyDictionary<string, AssignmentGrade> Assignments, double Total);

/// <summary>A student's grade on one assignment; <see cref="Overridden"/> says a staff member replaced it.</summary>
public sealed record AssignmentGrade(double? Fraction, bool Overridden, string? Reason);
