using Course.Assignments.Model;
using Course.Assignments.Model.Values;

namespace Course.Assignments.Validation;

/// <summary>Checks the credit policies and budgets of a course.</summary>
internal sealed class CreditsValidator(CreditsSpec credits, CourseSpec course, Problems problems, TimeZoneInfo zone)
{
    public void Validate()
    {
        problems.Require(credits.BudgetPerStudent >= 0, "credits.budgetPerStudent", $"{credits.BudgetPerStudent} must not be negative");
        problems.Require(credits.ExpiryWarningDays is >= 0 and <= 365, "credits.expiryWarningDays",
            $"{credits.ExpiryWarningDays} is not between 0 and 365");
        for (var i = 0; i < credits.ReminderThresholds.Count; i++)
        {
            var threshold = credits.ReminderThresholds[i];
            problems.Require(threshold is > 0 and <= 10, $"credits.reminderThresholds[{i}]", $"{threshold} is not a fraction of the budget");
            problems.Require(i == 0 || threshold > credits.ReminderThresholds[i - 1], $"credits.reminderThresholds[{i}]",
                "thresholds must be in increasing order");
        }

        foreach (var name in credits.Policies.GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            problems.Add("credits.policies", $"name '{name.Key}' is used {name.Count()} times");
        }

        for (var i = 0; i < credits.Policies.Count; i++)
        {
            ValidatePolicy(credits.Policies[i], $"credits.policies[{i}]");
        }
    }

    private void ValidatePolicy(CreditPolicySpec policy, string at)
    {
        problems.Require(CourseValidator.IsIdentifier(policy.Name), $"{at}.name", $"'{policy.Name}' is not a name (a-z, 0-9, '-')");
        problems.Require(!string.IsNullOrWhiteSpace(policy.Provider), $"{at}.provider", "is required");
        problems.Require(policy.Value > 0, $"{at}.value", $"{policy.Value} must be positive");
        problems.Require(policy.Allowance is >= 0 and <= 100, $"{at}.allowance", $"{policy.Allowance} is not between 0 and 100");
        if (policy.From is { } from)
        {
            problems.Require(CourseTime.TryParse(from, zone, out _), $"{at}.from", $"{from} is not a date");
        }

        if (policy.Kind == CreditPolicyKind.PerTeamMember)
        {
            var target = policy.Assignment is null ? null : course.FindAssignment(policy.Assignment);
            problems.Require(target?.TeamSize is not null, $"{at}.assignment",
                $"'{policy.Assignment}' is not a team assignment of this course");
        }
    }
}
