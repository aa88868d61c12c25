namespace Course.Grader.Grades;

/// <summary>
/// How one student's final grade was computed: every category with its assignments (dropped or kept), the
/// category's share, the final percentage and the letter, as numbers (<see cref="Categories"/>) and as the
/// text shown to the student (<see cref="Lines"/>), with the history of the student's grade changes.
/// </summary>
public sealed record FinalGradeStatement(string Login, string Name, IReadOnlyList<CategoryResult> Categories, double Percent, string? Letter,
    IReadOnlyList<string> Lines, IReadOnlyList<GradeChange> History);

/// <summary>
/// One category: its items, the mean of the kept ones (<paramref name="Fraction"/>; weighted by each item's weight when
/// <paramref name="Weighted"/>) and its points (weight x fraction).
/// </summary>
public sealed record CategoryResult(string Name, double Weight, int DropLowest, IReadOnlyList<CategoryItem> Items, double Fraction, double Points,
    bool Weighted);

/// <summary>
/// One assignment in a category: its fraction (0 when there is no grade), whether it was dropped, and its weight in the
/// category's mean (1 in a category without weights).
/// </summary>
public sealed record CategoryItem(string Assignment, double Fraction, bool Graded, bool Dropped, AssignmentGrade Grade, double Weight);
