namespace Course.Assignments.Model;

/// <summary>A team project: milestones whose weights add up to 100, split by stated contribution.</summary>
public sealed record ProjectSpec
{
    public IReadOnlyList<MilestoneSpec> Milestones { get; init; } = [];

    /// <summary>
    /// Most a member's stated share may multiply the team's score by: individual = team score ×
    /// min(cap, share × members), never above full marks.
    /// </summary>
    public double ContributionCap { get; init; } = 1.25;
}

public sealed record MilestoneSpec(string Id, string Title, double Weight, string Due);

/// <summary>Team size bounds; students without a team are placed so every team reaches <see cref="Min"/>.</summary>
public sealed record TeamSizeSpec(int Min, int Max);
