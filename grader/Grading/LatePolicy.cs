using Course.Assignments.Model;

namespace Course.Grader.Grading;

/// <summary>
/// The late policy of course.json: on time up to deadline + grace; then a penalty of
/// <see cref="LatePolicySpec.PenaltyPerDay"/> per started day, and zero after
/// <see cref="LatePolicySpec.MaxLateDays"/>. Judged by the time intake received the work.
/// </summary>
internal static class LatePolicy
{
    /// <summary>Started days late (0 when on time) and the factor the score is multiplied by.</summary>
    public static (int LateDays, double Factor) Evaluate(DateTimeOffset receivedAt, DateTimeOffset deadline, LatePolicySpec policy)
    {
        var cutoff = deadline + TimeSpan.FromHours(policy.GraceHours);
        if (receivedAt <= cutoff)
        {
            return (0, 1);
        }

        var late = receivedAt - cutoff;
        var days = (int)Math.Min(Math.Ceiling(late.TotalDays), int.MaxValue);
        if (days > policy.MaxLateDays)
        {
            return (days, 0);
        }

        return (days, Math.Max(0, 1 - (policy.PenaltyPerDay * days)));
    }

    /// <summary>True when work received at <paramref name="receivedAt"/> counts as on time.</summary>
    public static bool OnTime(DateTimeOffset receivedAt, DateTimeOffset deadline, LatePolicySpec policy) =>
        receivedAt <= deadline + TimeSpan.FromHours(policy.GraceHours);
}
