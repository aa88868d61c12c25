using System.Globalization;
using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Core.Errors;

namespace Course.Grader.Grades;

/// <summary>
/// Final grades by course.json's <c>finalGrade</c>: in each category the lowest <c>dropLowest</c> fractions are dropped
/// (a missing grade counts as 0; on a tie the one listed later goes), the rest averaged (equally, or by the category's
/// <c>weights</c>); the category adds
/// weight x that mean to the final percentage; the letter is the first cut-off (highest first) the percentage reaches.
/// </summary>
public sealed class FinalGrades(Gradebook gradebook, IGradeAudit audit, ICourseProvider course)
{
    public async Task<IReadOnlyList<FinalGradeStatement>> ComputeAsync(string? login, CancellationToken cancellation)
    {
        var spec = course.Course.FinalGrade
                   ?? throw new BadInputException("finalGrade: course.json has no finalGrade (categories and letter cut-offs)");
        var rows = await gradebook.ComputeAsync(cancellation);
        if (login is not null)
        {
            rows = rows.Where(r => r.Login == login).ToList();
            if (rows.Count == 0)
            {
                throw new NotFoundException($"student: '{login}' is not an enrolled student");
            }
        }

        var statements = new List<FinalGradeStatement>();
        foreach (var row in rows)
        {
            statements.Add(Statement(spec, row, await audit.HistoryAsync(row.Login, null, cancellation)));
        }

        return statements;
    }

    private FinalGradeStatement Statement(FinalGradeSpec spec, GradebookRow row, IReadOnlyList<GradeChange> history)
    {
        var categories = spec.Categories.Select(c => Category(c, row)).ToList();
        var percent = categories.Sum(c => c.Points);
        var letter = spec.Letters.FirstOrDefault(l => percent >= l.Min);
        var lines = new List<string>();
        foreach (var category in categories)
        {
            lines.Add($"{category.Name} (weight {N(category.Weight)}%{(category.DropLowest > 0 ? $", lowest {category.DropLowest} dropped" : "")}):");
            lines.AddRange(category.Items.Select(i => $"  {i.Assignment}: {Item(i)}"));
            lines.Add($"  {Mean(category)} = {N(category.Fraction * 100)}% -> {N(category.Weight)} x {N(category.Fraction)} = {N(category.Points)} points");
        }

        var outside = course.Course.Assignments.Select(a => a.Id).Except(spec.Categories.SelectMany(c => c.Assignments), StringComparer.Ordinal).ToList();
        if (outside.Count > 0)
        {
            lines.Add($"not part of the final grade: {string.Join(", ", outside)}");
        }

        lines.Add($"final: {string.Join(" + ", categories.Select(c => N(c.Points)))} = {N(percent)}%");
        lines.Add(letter is null ? "letter: none (below every cut-off)" : $"letter: {letter.Letter} ({N(percent)} >= {N(letter.Min)})");
        return new FinalGradeStatement(row.Login, row.Name, categories, percent, letter?.Letter, lines, history);
    }

    private static CategoryResult Category(GradeCategorySpec category, GradebookRow row)
    {
        var items = category.Assignments.Select(id => row.Assignments[id]).ToList();

        // Lowest first; on equal fractions the later-listed assignment is dropped first.
        var dropped = items.Select((grade, index) => (Fraction: grade.Fraction ?? 0, Index: index))
            .OrderBy(x => x.Fraction).ThenByDescending(x => x.Index).Take(category.DropLowest).Select(x => x.Index).ToHashSet();
        var result = category.Assignments.Select((id, index) => new CategoryItem(id, items[index].Fraction ?? 0, items[index].Fraction is not null,
            dropped.Contains(index), items[index], category.WeightOf(id))).ToList();
        var kept = result.Where(i => !i.Dropped).ToList();
        var fraction = kept.Sum(i => i.Weight * i.Fraction) / kept.Sum(i => i.Weight);
        return new CategoryResult(category.Name, category.Weight, category.DropLowest, result, fraction, category.Weight * fraction,
            category.Weights is not null);
    }

    // The arithmetic of the category's mean, with each kept assignment's weight when the category has weights.
    private static string Mean(CategoryResult category)
    {
        var kept = category.Items.Where(i => !i.Dropped).ToList();
        return category.Weighted
            ? $"weighted mean of {kept.Count} kept = ({string.Join(" + ", kept.Select(i => $"{N(i.Weight)} x {N(i.Fraction * 100)}"))}) / {N(kept.Sum(i => i.Weight))}"
            : $"mean of {kept.Count} kept = ({string.Join(" + ", kept.Select(i => N(i.Fraction * 100)))}) / {kept.Count}";
    }

    private static string Item(CategoryItem item)
    {
        var grade = item.Grade;
        var text = item.Graded ? $"{N(item.Fraction * 100)}%" : "no grade, counts as 0%";
        if (grade.Overridden)
        {
            text += $" (override: {grade.Reason})";
        }

        if (grade.Late is { DaysLate: > 0 } late)
        {
            text += $" ({late.DaysLate} day(s) late, {late.DaysUsed} late day(s) used, {late.PenaltyDays} penalized: score x {N(late.Factor)})";
        }

        return item.Dropped ? text + " dropped" : text;
    }

    // Up to six decimals keeps the statement readable; the JSON carries the exact values.
    private static string N(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
