using Course.Assignments.Model;

namespace Course.Assignments.Validation;

/// <summary>Checks the final-grade rules: categories that name real assignments once, weights of 100, ordered letter cut-offs.</summary>
internal sealed class FinalGradeValidator(FinalGradeSpec final, CourseSpec course, Problems problems)
{
    public void Validate()
    {
        problems.Require(final.Categories.Count > 0, "finalGrade.categories", "needs at least one category");
        var total = final.Categories.Sum(c => c.Weight);
        problems.Require(final.Categories.Count == 0 || Math.Abs(total - 100) < 0.01, "finalGrade.categories",
            $"weights add up to {total:0.##}, not 100");
        var placed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < final.Categories.Count; i++)
        {
            var category = final.Categories[i];
            var at = $"finalGrade.categories[{i}]";
            problems.Require(!string.IsNullOrWhiteSpace(category.Name), $"{at}.name", "is required");
            problems.Require(category.Weight is >= 0 and <= 100, $"{at}.weight", $"{category.Weight} is not between 0 and 100");
            problems.Require(category.Assignments.Count > 0, $"{at}.assignments", "needs at least one assignment");
            problems.Require(category.DropLowest >= 0 && category.DropLowest < Math.Max(1, category.Assignments.Count), $"{at}.dropLowest",
                $"{category.DropLowest} must be at least 0 and leave one of the {category.Assignments.Count} assignment(s)");
            for (var a = 0; a < category.Assignments.Count; a++)
            {
                var id = category.Assignments[a];
                problems.Require(course.FindAssignment(id) is not null, $"{at}.assignments[{a}]", $"'{id}' is not an assignment");
                problems.Require(placed.Add(id), $"{at}.assignments[{a}]", $"'{id}' is already in a category");
            }

            if (category.Weights is { } weights)
            {
                ValidateWeights(category, weights, $"{at}.weights");
            }
        }

        ValidateLetters();
    }

    // A weight for every assignment of the category and for nothing else: a forgotten one would silently count as some default.
    private void ValidateWeights(GradeCategorySpec category, IReadOnlyDictionary<string, double> weights, string at)
    {
        foreach (var (id, weight) in weights)
        {
            problems.Require(category.Assignments.Contains(id, StringComparer.Ordinal), $"{at}.{id}", $"'{id}' is not one of the category's assignments");
            problems.Require(weight > 0 && double.IsFinite(weight), $"{at}.{id}", $"{weight} is not a weight above 0");
        }

        foreach (var id in category.Assignments.Where(id => !weights.ContainsKey(id)))
        {
            problems.Add(at, $"'{id}' has no weight (with weights, every assignment of the category needs one)");
        }
    }

    private void ValidateLetters()
    {
        for (var i = 0; i < final.Letters.Count; i++)
        {
            var letter = final.Letters[i];
            var at = $"finalGrade.letters[{i}]";
            problems.Require(!string.IsNullOrWhiteSpace(letter.Letter), $"{at}.letter", "is required");
            problems.Require(letter.Min is >= 0 and <= 100, $"{at}.min", $"{letter.Min} is not a percentage between 0 and 100");
            problems.Require(i == 0 || letter.Min < final.Letters[i - 1].Min, $"{at}.min", "cut-offs must go from the highest letter down");
        }
    }
}
