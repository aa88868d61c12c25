namespace Course.Assignments.Model;

/// <summary>Compute-credit rules: who gets codes, budgets, and what the e-mails say.</summary>
public sealed record CreditsSpec
{
    public IReadOnlyList<CreditPolicySpec> Policies { get; init; } = [];

    /// <summary>Spend (in the provider's currency) each student may use; reminders go out at thresholds.</summary>
    public double BudgetPerStudent { get; init; }

    /// <summary>Fractions of the budget that trigger a reminder, e.g. [0.5, 0.8, 1.0].</summary>
    public IReadOnlyList<double> ReminderThresholds { get; init; } = [0.5, 0.8, 1.0];

    /// <summary>Days before expiry when an unredeemed code gets a warning.</summary>
    public int ExpiryWarningDays { get; init; } = 14;

    public string? RedeemUrl { get; init; }

    /// <summary>Cost warnings printed in every e-mail (stop instances, pick the right type).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>One issuing rule: each enrolled student, each member of a project's teams.</summary>
public sealed record CreditPolicySpec
{
    public string Name { get; init; } = "";

    public CreditPolicyKind Kind { get; init; }

    public string Provider { get; init; } = "";

    public double Value { get; init; }

    /// <summary>Date from which codes are issued (course time zone).</summary>
    public string? From { get; init; }

    /// <summary>The project assignment, for <see cref="CreditPolicyKind.PerTeamMember"/>.</summary>
    public string? Assignment { get; init; }

    /// <summary>Codes a student may request on top, for <see cref="CreditPolicyKind.OnRequest"/>.</summary>
    public int Allowance { get; init; } = 1;
}

public enum CreditPolicyKind
{
    PerStudent,
    PerTeamMember,
    OnRequest,
}
