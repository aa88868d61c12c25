using Course.Assignments.Model;

namespace Course.Grader.Grading;

/// <summary>
/// The late policy of course.json: on time up to deadline + grace; then a penalty of
/// <see cref="LatePolicySpec.PenaltyPerDay"/> per day late, and zero after <see cref="LatePolicySpec.MaxLateDays"/>.
/// Judged by the time intake received the work. A day late moves the deadline to the same clock time one
/// calendar day later in the course's time zone, so a daylight-saving change makes that day 23 or 25 hours
/// long and a deadline at 23:59 stays at 23:59.
/// </summary>
internal static class LatePolicy
{
    // Beyond any maxLateDays (at most 60) plus any late-day pool; keeps the count finite for absurd times.
    private const int FarTooLate = 100_000;

    /// <summary>Days late (0 when on time) and the factor the score is multiplied by.</summary>
    public static (int LateDays, double Factor) Evaluate(DateTimeOffset receivedAt, DateTimeOffset deadline, LatePolicySpec policy,
        TimeZoneInfo zone)
    {
        var days = DaysLate(receivedAt, deadline, policy, zone);
        return (days, Factor(days, policy));
    }

    /// <summary>The score factor after <paramref name="penaltyDays"/> penalized days: zero past the cut-off.</summary>
    public static double Factor(int penaltyDays, LatePolicySpec policy) =>
        penaltyDays > policy.MaxLateDays ? 0 : Math.Max(0, 1 - (policy.PenaltyPerDay * penaltyDays));

    /// <summary>The fewest calendar days the deadline must move for <paramref name="receivedAt"/> to be on time.</summary>
    public static int DaysLate(DateTimeOffset receivedAt, DateTimeOffset deadline, LatePolicySpec policy, TimeZoneInfo zone)
    {
        if (OnTime(receivedAt, deadline, policy))
        {
            return 0;
        }

        var hours = (receivedAt - deadline).TotalHours;
        if (hours > FarTooLate * 24.0)
        {
            return FarTooLate;
        }

        // A calendar day is 23 to 25 hours: start one below the 24-hour estimate, which is still late, and step up.
        var days = Math.Max(1, (int)Math.Floor((hours - policy.GraceHours) / 24) - 1);
        while (!OnTime(receivedAt, Moved(deadline, days, zone), policy))
        {
            days++;
        }

        return days;
    }

    /// <summary>True when work received at <paramref name="receivedAt"/> counts as on time.</summary>
    public static bool OnTime(DateTimeOffset receivedAt, DateTimeOffset deadline, LatePolicySpec policy) =>
        receivedAt <= deadline + TimeSpan.FromHours(policy.GraceHours);

    /// <summary>The deadline <paramref name="days"/> calendar days later at the same local clock time.</summary>
    public static DateTimeOffset Moved(DateTimeOffset deadline, int days, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(deadline, zone).DateTime.AddDays(days);
        if (zone.IsInvalidTime(local))
        {
            // The clock time does not exist that day (it was skipped): the first moment after the gap.
            local = local.AddHours(1);
        }

        // A clock time that happens twice counts at its later occurrence, in the student's favour.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Min() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
