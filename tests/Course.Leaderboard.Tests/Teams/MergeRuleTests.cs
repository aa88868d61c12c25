using Course.Leaderboard.Teams;

namespace Course.Leaderboard.Tests.Teams;

public sealed class MergeRuleTests
{
    private static readonly DateOnly Opened = new(2026, 10, 12);
    private static readonly DateOnly LastDay = new(2026, 10, 26);

    [Fact]
    public void Check_CombinedWithinLimitSoFar_IsAllowed()
    {
        // Day 3 with 5 a day: at most 15 submissions together.
        var verdict = MergeRule.Check(new("a", 1, 9), new("b", 2, 6), 5, 3, Opened, Opened.AddDays(2), LastDay);

        Assert.True(verdict.Allowed, string.Join("; ", verdict.Problems));
        Assert.Equal(15, verdict.AllowedSubmissions);
    }

    [Fact]
    public void Check_CombinedOverLimitSoFar_IsRefused()
    {
        var verdict = MergeRule.Check(new("a", 1, 9), new("b", 1, 7), 5, 3, Opened, Opened.AddDays(2), LastDay);

        Assert.False(verdict.Allowed);
        Assert.Contains("16 submissions, more than the 15", Assert.Single(verdict.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TooManyMembers_IsRefused()
    {
        var verdict = MergeRule.Check(new("a", 2, 0), new("b", 2, 0), 5, 3, Opened, Opened, LastDay);

        Assert.Contains("4 members, more than 3", Assert.Single(verdict.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AfterTheLastDay_IsRefused()
    {
        var verdict = MergeRule.Check(new("a", 1, 0), new("b", 1, 0), 5, null, Opened, LastDay.AddDays(1), LastDay);

        Assert.False(verdict.Allowed);
        Assert.Contains("closed", Assert.Single(verdict.Problems), StringComparison.Ordinal);
    }
}
