namespace Course.Grader.Queue;

/// <summary>Extra GPU time a staff member granted one student or team on one assignment, with why (<c>grader budgets grant</c>).</summary>
public sealed class BudgetGrant
{
    public required Guid Id { get; init; }

    public required string Assignment { get; init; }

    public required string Owner { get; init; }

    /// <summary>GPU time granted, in seconds (one GPU for one second is one).</summary>
    public required double GpuSeconds { get; init; }

    /// <summary>The staff login that granted it.</summary>
    public required string Actor { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset GrantedAt { get; init; }
}
