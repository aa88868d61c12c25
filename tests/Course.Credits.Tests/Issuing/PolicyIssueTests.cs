using Course.Credits.Issuing;
using Course.Credits.Ledger;
using Course.Credits.Students;
using Course.Credits.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Credits.Tests.Issuing;

public sealed class PolicyIssueTests
{
    [Fact]
    public async Task RunPolicy_PerStudentTwice_SecondRunIssuesNothingNew()
    {
        await using var course = await CourseWithCodesAsync(50, 10);

        var first = await CliRunner.RunAsync(course, "credits", "issue", "--policy", "welcome");
        var second = await CliRunner.RunAsync(course, "credits", "issue", "--policy", "welcome", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("6 issued", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("\"issued\": 0", second.Out, StringComparison.Ordinal);
        Assert.Contains("\"alreadyIssued\": 6", second.Out, StringComparison.Ordinal);
        Assert.Equal(6, await CountAsync(course, c => c.Status == CodeStatus.Issued));
    }

    [Fact]
    public async Task RunPolicy_BeforeItsStartDate_IsBadInput()
    {
        await using var course = await CourseWithCodesAsync(50, 10);

        var run = await CliRunner.RunAsync(course, "credits", "issue", "--policy", "later");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("starts on 2027-01-01", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPolicy_PerTeamMember_IssuesOnlyToTeamMembers()
    {
        await using var course = await CourseWithCodesAsync(100, 10);
        await course.AddTeamAsync("project", "alpha", "s01", "s02");
        await course.AddTeamAsync("project", "beta", "s03", "s04");

        var run = await CliRunner.RunAsync(course, "credits", "issue", "--policy", "project");

        Assert.Equal(0, run.ExitCode);
        var holders = await course.InScopeAsync(s => s.GetRequiredService<CreditsDbContext>().Codes
            .Where(c => c.Login != null).Select(c => c.Login!).ToListAsync());
        Assert.Equal(["s01", "s02", "s03", "s04"], holders.Order());
    }

    [Fact]
    public async Task Request_BeyondAllowance_AnswersAllowanceUsed()
    {
        await using var course = await CourseWithCodesAsync(50, 10);
        var requests = course.Services.CreateScope().ServiceProvider.GetRequiredService<ICreditRequests>();

        var results = new List<IssueResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await requests.RequestAsync("s01", "extra", CancellationToken.None));
        }

        Assert.Equal([IssueOutcome.Issued, IssueOutcome.Issued, IssueOutcome.AllowanceUsed], results.Select(r => r.Outcome));
        Assert.NotEqual(results[0].CodeId, results[1].CodeId);
    }

    [Fact]
    public async Task Request_BeforeThePolicysFromDate_IsRefusedNamingTheDateUntilTheDayComes()
    {
        await using var course = await TestCourse.CreateAsync(students: 1, credits: """
            { "policies": [{ "name": "spring", "kind": "onRequest", "provider": "aws", "value": 50, "allowance": 1, "from": "2026-12-01" }] }
            """);
        await ImportAsync(course, 50, 2);

        var early = await CliRunner.RunAsync(course, "credits", "request", "--student", "s01", "--policy", "spring");
        var issuedEarly = await CountAsync(course, c => c.Login != null);
        var shown = await course.InScopeAsync(s => s.GetRequiredService<IStudentCredits>().ShowAsync("s01", CancellationToken.None));
        course.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var onTheDay = await CliRunner.RunAsync(course, "credits", "request", "--student", "s01", "--policy", "spring");

        Assert.Equal(2, early.ExitCode);
        Assert.Contains("credits policy 'spring' starts on 2026-12-01 (UTC): a code can be requested from then on", early.Error, StringComparison.Ordinal);
        Assert.Equal(0, issuedEarly);
        var policy = Assert.Single(shown.Requestable);
        Assert.Equal((new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), false), (policy.OpensAt, policy.CanRequest));
        Assert.True(onTheDay.ExitCode == 0, onTheDay.Error);
        Assert.Equal(1, await CountAsync(course, c => c.Login == "s01"));
    }

    [Fact]
    public async Task AwardPrizes_Twice_IssuesPrizeValuePerRankOnce()
    {
        await using var course = await TestCourse.CreateAsync();
        await ImportAsync(course, 500, 5);
        await ImportAsync(course, 300, 5);
        PrizeWinner[] winners = [new(1, "alpha", ["s01", "s02"]), new(2, "beta", ["s03"]), new(3, "gamma", ["s04"])];
        await using var scope = course.Services.CreateAsyncScope();
        var prizes = scope.ServiceProvider.GetRequiredService<ICreditPrizes>();

        var first = await prizes.AwardPrizesAsync("hw2", winners, CancellationToken.None);
        var second = await prizes.AwardPrizesAsync("hw2", winners, CancellationToken.None);

        Assert.Equal(3, first.Issued);
        Assert.Equal([500.0, 500.0, 300.0], first.Results.Select(r => r.Value));
        Assert.Equal(0, second.Issued);
        Assert.Equal(3, second.AlreadyIssued);
    }

    [Fact]
    public async Task AwardPrizes_WinnerNotOnRoster_FailsBeforeIssuingAnything()
    {
        await using var course = await CourseWithCodesAsync(500, 5);
        await using var scope = course.Services.CreateAsyncScope();
        var prizes = scope.ServiceProvider.GetRequiredService<ICreditPrizes>();

        var error = await Assert.ThrowsAsync<Core.Errors.NotFoundException>(() =>
            prizes.AwardPrizesAsync("hw2", [new(1, "alpha", ["s01", "ghost"])], CancellationToken.None));

        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(course, c => c.Login != null));
    }

    private static async Task<TestCourse> CourseWithCodesAsync(double value, int count)
    {
        var course = await TestCourse.CreateAsync();
        await ImportAsync(course, value, count);
        return course;
    }

    private static async Task ImportAsync(TestCourse course, double value, int count)
    {
        var (file, _) = course.WriteCodes(count, $"codes-{value}.csv");
        var run = await CliRunner.RunAsync(course, "credits", "import", file, "--provider", "aws", "--value", $"{value}");
        Assert.True(run.ExitCode == 0, run.Error);
    }

    private static Task<int> CountAsync(TestCourse course, System.Linq.Expressions.Expression<Func<CreditCode, bool>> where) =>
        course.InScopeAsync(s => s.GetRequiredService<CreditsDbContext>().Codes.CountAsync(where));
}
