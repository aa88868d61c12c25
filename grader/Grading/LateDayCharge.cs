using Course.Assignments.Model;

namespace Course.Grader.Grading;

/// <summary>
/// What lateness costs one submission: <see cref="DaysLate"/> calendar days (see <see cref="LatePolicy"/>), of which
/// <see cref="DaysUsed"/> come from the late-day pool and the rest are penalized by the assignment's late policy.
/// </summary>
public sealed record LateDayCharge(int DaysLate, int DaysUsed, double Factor)
{
    /// <summary>Days the pool did not cover: the assignment's per-day penalty and cut-off apply to these.</summary>
    public int PenaltyDays => DaysLate - DaysUsed;

    /// <summary>The charge of work received at <paramref name="receivedAt"/> when <paramref name="available"/> late days are left.</summary>
    internal static LateDayCharge For(DateTimeOffset receivedAt, DateTimeOffset deadline, LatePolicySpec policy, TimeZoneInfo zone, int available)
    {
        var late = LatePolicy.DaysLate(receivedAt, deadline, policy, zone);
        var used = Math.Min(late, Math.Max(0, available));
        return new LateDayCharge(late, used, LatePolicy.Factor(late - used, policy));
    }
}
