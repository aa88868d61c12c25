using Course.Assignments.Roster;
using Course.Core.Errors;
using Course.Leaderboard.Submissions;
using Course.Leaderboard.Tests.Support;

namespace Course.Leaderboard.Tests.Submissions;

/// <summary>
/// The check before an upload is read gives the answer the submission itself would: the same
/// refusals (closed, daily limit, unknown team, not a competition), the earlier receipt for a used
/// key, and a submission that lost a race since the check is still refused.
/// </summary>
public sealed class CheckCanSubmitTests : IDisposable
{
    private static readonly DateTimeOffset Open = new(2026, 10, 14, 10, 0, 0, TimeSpan.FromHours(2));

    private readonly LeaderboardHarness _harness = new(FakeCourse.Competition(dailyLimit: 2), [new RosterTeam("owls", ["ana", "ben"])], Open);
    private readonly string _file;

    public CheckCanSubmitTests()
    {
        _harness.Folder.Write("solution.csv", "id,label,Usage\n1,a,Public\n2,b,Private\n");
        _file = _harness.Folder.Write("predictions.csv", "id,label\n1,a\n2,b\n");
    }

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task CheckCanSubmit_OpenWithSubmissionsLeft_ReturnsNull()
    {
        var earlier = await CheckAsync("ana", "k1");

        Assert.Null(earlier);
    }

    [Fact]
    public async Task CheckCanSubmit_KeyRecordedBefore_ReturnsTheEarlierReceiptEvenOnceTheLimitIsUsed()
    {
        var first = await SubmitAsync("ana", "k1");
        await SubmitAsync("ben", "k2");

        var earlier = await CheckAsync("ana", "k1");

        Assert.NotNull(earlier);
        Assert.True(earlier.Repeated);
        Assert.Equal(first.Id, earlier.Id);
    }

    [Fact]
    public async Task CheckCanSubmit_TeamUsedTheDailyLimit_ThrowsAsSubmitDoes()
    {
        await SubmitAsync("ana", "k1");
        await SubmitAsync("ben", "k2");

        var check = await Assert.ThrowsAsync<DailyLimitException>(() => CheckAsync("ana", "k3"));
        var submit = await Assert.ThrowsAsync<DailyLimitException>(() => SubmitAsync("ana", "k3"));

        Assert.Equal(submit.Message, check.Message);
        Assert.Equal(429, check.HttpStatus);
    }

    [Fact]
    public async Task CheckCanSubmit_AfterTheDeadline_ThrowsAsSubmitDoes()
    {
        _harness.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 27, 0, 0, 0, TimeSpan.FromHours(1)));

        var check = await Assert.ThrowsAsync<BadInputException>(() => CheckAsync("ana", "late"));
        var submit = await Assert.ThrowsAsync<BadInputException>(() => SubmitAsync("ana", "late"));

        Assert.Contains("closed at its deadline", check.Message, StringComparison.Ordinal);
        Assert.Equal(submit.Message, check.Message);
    }

    [Theory]
    [InlineData("comp", "nobody", "'nobody' is neither a team of comp nor an enrolled student", 404)]
    [InlineData("hw9", "ana", "assignment 'hw9' is unknown", 404)]
    public async Task CheckCanSubmit_UnknownTeamOrAssignment_ThrowsNamingIt(string assignment, string team, string message, int status)
    {
        var check = await Assert.ThrowsAsync<NotFoundException>(
            () => _harness.SubmissionsAsync(s => s.CheckCanSubmitAsync(assignment, team, "k1", default)));

        Assert.Equal(message, check.Message.Split(" (", 2)[0]);
        Assert.Equal(status, check.HttpStatus);
    }

    [Fact]
    public async Task Submit_LimitUsedBetweenCheckAndSubmit_IsStillRefused()
    {
        await SubmitAsync("ana", "k1");
        Assert.Null(await CheckAsync("ben", "k2"));
        Assert.Null(await CheckAsync("ana", "k3"));
        await SubmitAsync("ben", "k2");

        await Assert.ThrowsAsync<DailyLimitException>(() => SubmitAsync("ana", "k3"));

        Assert.Equal(0, await _harness.SubmissionsAsync(s => s.RemainingTodayAsync("comp", "owls", default)));
    }

    private Task<SubmissionReceipt?> CheckAsync(string team, string key) =>
        _harness.SubmissionsAsync(s => s.CheckCanSubmitAsync("comp", team, key, default));

    private Task<SubmissionReceipt> SubmitAsync(string team, string key) =>
        _harness.SubmissionsAsync(s => s.SubmitAsync(new SubmissionRequest("comp", team, _file, SubmissionSource.Upload, key), default));
}
