namespace Course.Assignments.Model;

/// <summary>
/// What a late submission is worth: <see cref="PenaltyPerDay"/> (a fraction of the score per started
/// day) up to <see cref="MaxLateDays"/>; later than that scores zero. Defaults: no late work.
/// </summary>
public sealed record LatePolicySpec
{
    public double PenaltyPerDay { get; init; }

    public int MaxLateDays { get; init; }

    /// <summary>Hours after the deadline that still count as on time (clock skew, pushes in flight).</summary>
    public double GraceHours { get; init; }
}
