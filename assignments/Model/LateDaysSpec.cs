namespace Course.Assignments.Model;

/// <summary>
/// A pool of late days each student may spend across assignments. Days are spent automatically, in whole
/// days, on the submission that counts, before the assignment's own late penalty applies; assignments are
/// served in deadline order. <see cref="TeamRule"/> says how team work spends its members' days.
/// </summary>
public sealed record LateDaysSpec
{
    /// <summary>Late days per student for the whole course; 0 means no pool.</summary>
    public int Pool { get; init; }

    public LateDayTeamRule TeamRule { get; init; } = LateDayTeamRule.EveryMember;
}

/// <summary>How a team submission spends late days.</summary>
public enum LateDayTeamRule
{
    /// <summary>The team may use as many days as its member with the fewest left has; every member spends them; one score for all.</summary>
    EveryMember,

    /// <summary>Each member covers the lateness with their own days; a member with fewer days left gets the penalty for the rest.</summary>
    EachMember,
}
