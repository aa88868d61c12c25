using System.Text.Json;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Grades;

/// <summary>
/// The late-day pool against real SQLite. Deadlines are 2026-10-12 23:59 New York time (EDT, 03:59 UTC the next day);
/// each day late moves the deadline to 23:59 of the next day; 25% penalty per day not covered, zero after 2 such days.
/// </summary>
public sealed class LateDayPoolTests
{
    private const string Hw1 = TestCourse.Assignment;

    private const string Team = TestCourse.TeamWork;

    private const string SecondCommit = "0b3c1d6e2f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c";

    private static readonly DateTimeOffset AfterDeadlines = new(2026, 10, 20, 12, 0, 0, TimeSpan.Zero);

    // Noon in New York (16:00 UTC) on the given October day: day 13 is one day late, day 14 two, ...
    private static DateTimeOffset NoonInNewYork(int day) => new(2026, 10, day, 12, 0, 0, TimeSpan.FromHours(-4));

    [Theory]
    [InlineData("everyMember", 0.0, 0.0)]
    [InlineData("eachMember", 0.0, 1.0)]
    public async Task Compute_PoolThenPenaltyThenCutoff_TeamSpendsByTheRule(string rule, double anaTeam, double cyTeam)
    {
        using var course = await GradeBookCourse.CreateAsync(new FakeTimeProvider(AfterDeadlines), $$"""{ "pool": 2, "teamRule": "{{rule}}" }""");
        await course.GradedSubmissionAsync("ana", "ok", Hw1, receivedAt: NoonInNewYork(14)); // 2 days late: both from the pool
        await course.GradedSubmissionAsync("ben", "ok", Hw1, receivedAt: NoonInNewYork(15)); // 3 days: 2 from the pool, 1 at 25%
        await course.GradedSubmissionAsync("dee", "ok", Hw1, receivedAt: NoonInNewYork(17)); // 5 days: 3 beyond the pool, past the cut-off
        // 1 day late; hw3 takes no late work, so a day the pool does not cover scores 0. ana has no days left.
        await course.GradedSubmissionAsync("duo", "ok", Team, isTeam: true, receivedAt: NoonInNewYork(13));

        var rows = await GradeBookCourse.ComputeAsync(course);

        Assert.Equal([1.0, 0.75, null, 0.0], GradeBookCourse.Column(rows, Hw1));
        Assert.Equal([anaTeam, null, cyTeam, null], GradeBookCourse.Column(rows, Team));
        Assert.Equal((2, 2), (rows[0].Assignments[Hw1].Late!.DaysLate, rows[0].Assignments[Hw1].Late!.DaysUsed));
        Assert.Equal((5, 2, 0.0), (rows[3].Assignments[Hw1].Late!.DaysLate, rows[3].Assignments[Hw1].Late!.DaysUsed, rows[3].Assignments[Hw1].Late!.Factor));
        Assert.Equal(rule == "eachMember" ? 1 : 0, rows[2].Assignments[Team].Late!.DaysUsed);
    }

    [Fact]
    public async Task Compute_OnTimeAndCoveredLatePush_TheCoveredLatePushCounts()
    {
        using var course = await GradeBookCourse.CreateAsync(new FakeTimeProvider(AfterDeadlines), """{ "pool": 1 }""");
        await course.GradedSubmissionAsync("ana", "ok", Hw1, receivedAt: NoonInNewYork(12), points: 1);
        await course.GradedSubmissionAsync("ana", "ok", Hw1, receivedAt: NoonInNewYork(13), points: 2, commit: SecondCommit);
        await course.GradedSubmissionAsync("ben", "ok", Hw1, receivedAt: NoonInNewYork(12), points: 1);
        await course.GradedSubmissionAsync("ben", "ok", Hw1, receivedAt: NoonInNewYork(14), points: 2, commit: SecondCommit);

        var rows = await GradeBookCourse.ComputeAsync(course);

        // ana's day late is covered by her one late day; ben's two days are not, so his on-time push counts.
        Assert.Equal([1.0, 0.5, null, null], GradeBookCourse.Column(rows, Hw1));
    }

    [Fact]
    public async Task Extend_AfterTheFact_GradeRecomputedAndLogged()
    {
        var clock = new FakeTimeProvider(AfterDeadlines);
        using var course = await GradeBookCourse.CreateAsync(clock, """{ "pool": 0 }""");
        await course.GradedSubmissionAsync("ben", "ok", Hw1, receivedAt: NoonInNewYork(14));
        var before = GradeBookCourse.Column(await GradeBookCourse.ComputeAsync(course), Hw1);

        var granted = await GradeBookCourse.RunAsync(course, "grades", "extend", Hw1, "--student", "ben", "--until", "2026-10-14T23:59",
            "--reason", "medical note", "--by", "prof");
        var after = GradeBookCourse.Column(await GradeBookCourse.ComputeAsync(course), Hw1);
        var history = await GradeBookCourse.RunAsync(course, "grades", "history", "ben", Hw1);

        Assert.Equal([null, 0.5, null, null], before);
        Assert.Equal([null, 1.0, null, null], after);
        Assert.Contains("2026-10-14 23:59 -04:00", granted, StringComparison.Ordinal);
        Assert.Equal($"2026-10-20 12:00 prof {Hw1}/ben 0.5 -> 1 extension: extension of ben to 2026-10-14 23:59 -04:00: medical note",
            history.Trim());
    }

    [Fact]
    public async Task Extend_TeamWorkForOneMember_RefusedNamingTheTeam()
    {
        using var course = await GradeBookCourse.CreateAsync(new FakeTimeProvider(AfterDeadlines));

        var (exit, _, error) = await course.RunAsync("grades", "extend", Team, "--student", "ana", "--until", "2026-10-14T23:59",
            "--reason", "r", "--by", "prof");
        var team = await course.RunAsync("grades", "extend", Team, "--team", "duo", "--until", "2026-10-14T23:59", "--reason", "r", "--by", "prof");

        Assert.Equal(2, exit);
        Assert.Contains("--team duo", error, StringComparison.Ordinal);
        Assert.Equal(0, team.Exit);
    }

    [Fact]
    public async Task LateDays_PushNowAcrossDaylightSavingEnd_OneCalendarDayLate()
    {
        // Deadline 2026-10-31 23:59 EDT; now is 2026-11-01 23:30 EST, 24 h 31 min later but on the next calendar day.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 4, 30, 0, TimeSpan.Zero));
        using var course = await GradeBookCourse.CreateAsync(clock, """{ "pool": 4 }""", deadline: "2026-10-31T23:59");
        await course.GradedSubmissionAsync("ana", "ok", TestCourse.CpuTwin, receivedAt: new DateTimeOffset(2026, 11, 2, 4, 0, 0, TimeSpan.Zero));

        var shown = await GradeBookCourse.RunAsync(course, "grades", "late-days", "ana", "--assignment", Hw1);
        var json = JsonDocument.Parse(await GradeBookCourse.RunAsync(course, "grades", "late-days", "ana", "--assignment", Hw1, "--json")).RootElement;

        // hw4 was received 23:00 EST on 1 November: one day late (24 h 1 min), from the pool; 3 are left for hw1.
        Assert.Contains("ana: 3 of 4 late day(s) left (1 used)", shown, StringComparison.Ordinal);
        Assert.Contains("A push now is 1 day(s) late (deadline 2026-10-31 23:59 America/New_York): it uses 1 of the 3 late day(s) available to it; no penalty.",
            shown, StringComparison.Ordinal);
        Assert.Equal((1, 1, 1.0), (json.GetProperty("pushNow").GetProperty("charge").GetProperty("daysLate").GetInt32(),
            json.GetProperty("pushNow").GetProperty("charge").GetProperty("daysUsed").GetInt32(),
            json.GetProperty("pushNow").GetProperty("charge").GetProperty("factor").GetDouble()));
    }

    [Fact]
    public async Task LateDays_PoolTooSmall_PushNowShowsThePenalty()
    {
        var clock = new FakeTimeProvider(NoonInNewYork(14));
        using var course = await GradeBookCourse.CreateAsync(clock, """{ "pool": 1 }""");

        var shown = await GradeBookCourse.RunAsync(course, "grades", "late-days", "ben", "--assignment", Hw1);

        Assert.Contains("it uses 1 of the 1 late day(s) available to it; the other 1 day(s) cost 25% each: score x 0.75.", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("student", "grades", "extend", Hw1, "--student", "nobody", "--until", "2026-10-14T23:59", "--reason", "r", "--by", "prof")]
    [InlineData("until", "grades", "extend", Hw1, "--student", "ana", "--until", "next friday", "--reason", "r", "--by", "prof")]
    [InlineData("student", "grades", "late-days", "nobody")]
    [InlineData("login", "grades", "history", "nobody")]
    [InlineData("finalGrade", "grades", "final")]
    public async Task Commands_BadInput_ExitTwoNamingTheField(string field, params string[] args)
    {
        using var course = await GradeBookCourse.CreateAsync(new FakeTimeProvider(AfterDeadlines));

        var (exit, _, error) = await course.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(field, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "pool": -1 }""", "America/New_York", "lateDays.pool")]
    [InlineData("""{ "pool": 2, "teamRule": "whoever" }""", "America/New_York", "teamRule")]
    [InlineData("""{ "pool": 2 }""", "Mars/Olympus_Mons", "timeZone")]
    public async Task Course_BadLateDaysOrZone_ExitTwoNamingTheField(string lateDays, string zone, string field)
    {
        using var course = await GradeBookCourse.CreateAsync(new FakeTimeProvider(AfterDeadlines));
        await GradeBookCourse.EditAsync(course, lateDays, timeZone: zone);

        var (exit, _, error) = await course.RunAsync("grades", "late-days", "ana");

        Assert.Equal(2, exit);
        Assert.Contains(field, error, StringComparison.Ordinal);
    }
}
