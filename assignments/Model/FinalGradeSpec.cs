namespace Course.Assignments.Model;

/// <summary>
/// How the final grade is made: each category's kept assignments (after dropping the lowest
/// <see cref="GradeCategorySpec.DropLowest"/>; a missing grade counts as 0) averaged, equally or by the category's
/// <see cref="GradeCategorySpec.Weights"/>, the categories added by their weight (together 100), and the letter of the
/// highest cut-off the percentage reaches.
/// </summary>
public sealed record FinalGradeSpec
{
    public IReadOnlyList<GradeCategorySpec> Categories { get; init; } = [];

    /// <summary>Letters with their lowest percentage, highest first; the last one's minimum is usually 0.</summary>
    public IReadOnlyList<LetterCutoffSpec> Letters { get; init; } = [];
}

/// <summary>A category of assignments (homework, competitions, project) with its share of the final grade.</summary>
public sealed record GradeCategorySpec
{
    public string Name { get; init; } = "";

    /// <summary>Share of the final grade in percent; all categories add up to 100.</summary>
    public double Weight { get; init; }

    /// <summary>How many of the category's lowest assignment scores do not count.</summary>
    public int DropLowest { get; init; }

    /// <summary>Assignment ids; each assignment is in at most one category.</summary>
    public IReadOnlyList<string> Assignments { get; init; } = [];

    /// <summary>
    /// Relative weight of each of the category's assignments (every one named, each above 0) in the mean of the kept ones;
    /// null averages them equally. The lowest are dropped by score, whatever their weight.
    /// </summary>
    public IReadOnlyDictionary<string, double>? Weights { get; init; }

    /// <summary>The relative weight of <paramref name="assignment"/> in the category's mean (1 without <see cref="Weights"/>).</summary>
    public double WeightOf(string assignment) => Weights is null ? 1 : Weights[assignment];
}

/// <summary>A letter grade and the lowest final percentage that earns it.</summary>
public sealed record LetterCutoffSpec
{
    public string Letter { get; init; } = "";

    public double Min { get; init; }
}
