using System.Globalization;
using Course.Assignments.Model;
using Course.Grader.Grading;

namespace Course.Grader.Tests.Grading;

public sealed class LatePolicyTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 10, 12, 23, 59, 0, TimeSpan.Zero);
    private static readonly LatePolicySpec Policy = new() { PenaltyPerDay = 0.1, MaxLateDays = 3, GraceHours = 0.25 };

    [Theory]
    [InlineData(-60, 0, 1.0)]
    [InlineData(15, 0, 1.0)]
    [InlineData(16, 1, 0.9)]
    [InlineData(15 + (24 * 60), 1, 0.9)]
    [InlineData(16 + (24 * 60), 2, 0.8)]
    [InlineData(15 + (3 * 24 * 60), 3, 0.7)]
    [InlineData(16 + (3 * 24 * 60), 4, 0.0)]
    public void Evaluate_MinutesAfterDeadline_PenaltyPerStartedDay(int minutes, int lateDays, double factor)
    {
        var received = Deadline.AddMinutes(minutes);

        var result = LatePolicy.Evaluate(received, Deadline, Policy, TimeZoneInfo.Utc);

        Assert.Equal(lateDays, result.LateDays);
        Assert.Equal(factor, result.Factor, 9);
    }

    // New York leaves daylight saving time on 1 November 2026 (that day has 25 hours) and enters it on 14 March 2027 (23 hours).
    // The deadline is 23:59 local; each day late moves it to 23:59 of the next calendar day, however long that day is.
    [Theory]
    [InlineData("2026-10-31T23:59:00-04:00", "2026-11-01T23:30:00-05:00", 1)] // 24 h 31 min after the deadline: still one day
    [InlineData("2026-10-31T23:59:00-04:00", "2026-11-01T23:59:00-05:00", 1)]
    [InlineData("2026-10-31T23:59:00-04:00", "2026-11-02T00:00:00-05:00", 2)]
    [InlineData("2027-03-13T23:59:00-05:00", "2027-03-14T23:59:00-04:00", 1)]
    [InlineData("2027-03-13T23:59:00-05:00", "2027-03-15T00:30:00-04:00", 2)] // only 23 h 31 min after the deadline: already two days
    public void DaysLate_AcrossDaylightSavingChange_CountsCalendarDaysInTheCourseZone(string deadline, string received, int days)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var policy = new LatePolicySpec { PenaltyPerDay = 0.1, MaxLateDays = 5 };

        var late = LatePolicy.DaysLate(DateTimeOffset.Parse(received, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(deadline, CultureInfo.InvariantCulture), policy, zone);

        Assert.Equal(days, late);
    }
}
