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
}
