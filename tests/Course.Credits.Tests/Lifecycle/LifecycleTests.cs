using Course.Credits.Ledger;
using Course.Credits.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Credits.Tests.Lifecycle;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Replace_ProblemCode_VoidsOldIssuesNewAndAuditsBoth()
    {
        await using var course = await IssuedCourseAsync(codes: 2, expires: null);
        var old = (await CodesAsync(course)).Single(c => c.Login == "s01");

        var problem = await CliRunner.RunAsync(course, "credits", "problem", old.Id, "--reason", "invalid code at redeem");
        var replace = await CliRunner.RunAsync(course, "credits", "replace", old.Id, "--reason", "provider says invalid");
        var send = await CliRunner.RunAsync(course, "credits", "send");

        Assert.Equal(0, problem.ExitCode);
        Assert.True(replace.ExitCode == 0, replace.Error);
        var codes = await CodesAsync(course);
        Assert.Equal(CodeStatus.Replaced, codes.Single(c => c.Id == old.Id).Status);
        var fresh = codes.Single(c => c.Replaces == old.Id);
        Assert.Equal(("s01", CodeStatus.Sent), (fresh.Login, fresh.Status));
        var audit = await course.InScopeAsync(s => s.GetRequiredService<CreditsDbContext>().Audit.AsNoTracking().ToListAsync());
        Assert.Contains(audit, a => a.Action == "replace" && a.CodeId == old.Id);
        Assert.Contains(audit, a => a.Action == "issue" && a.CodeId == fresh.Id);
        Assert.Contains("sent 1", send.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_CodeNearExpiry_QueuesOneWarningThenExpiresIt()
    {
        await using var course = await IssuedCourseAsync(codes: 1, expires: "2026-12-31");
        await CliRunner.RunAsync(course, "credits", "send");

        course.Clock.Advance(TimeSpan.FromDays(40));
        var warned = await CliRunner.RunAsync(course, "credits", "send");
        var again = await CliRunner.RunAsync(course, "credits", "send");
        course.Clock.Advance(TimeSpan.FromDays(20));
        var expired = await CliRunner.RunAsync(course, "credits", "send");

        Assert.Contains("1 expiry warning(s) queued", warned.Out, StringComparison.Ordinal);
        Assert.Contains("0 expiry warning(s) queued", again.Out, StringComparison.Ordinal);
        Assert.Contains("1 code(s) expired", expired.Out, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(course.Folder, "outbox"), "*.eml").Length);
        Assert.Equal(CodeStatus.Expired, (await CodesAsync(course)).Single().Status);
    }

    [Fact]
    public async Task Redeemed_ProviderReport_MarksListedCodesAndWarnsAboutUnknownOnes()
    {
        await using var course = await TestCourse.CreateAsync(students: 2);
        var (file, codes) = course.WriteCodes(2);
        await CliRunner.RunAsync(course, "credits", "import", file, "--provider", "aws", "--value", "50");
        await CliRunner.RunAsync(course, "credits", "issue", "--policy", "welcome");
        var report = Path.Combine(course.Folder, "redeemed.csv");
        await File.WriteAllTextAsync(report, $"code,redeemed_at\n{codes[0].ToLowerInvariant()},2026-11-09\nNOT-OURS-1234,2026-11-09\n");

        var run = await CliRunner.RunAsync(course, "credits", "redeemed", report);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 code(s) marked redeemed", run.Out, StringComparison.Ordinal);
        Assert.Contains("redeemed.csv:3: this code is not in the ledger", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await CodesAsync(course)).Count(c => c.Status == CodeStatus.Redeemed));
    }

    [Fact]
    public async Task Show_Student_PrintsCodeAndAuditsTheView()
    {
        await using var course = await TestCourse.CreateAsync(students: 1);
        var (file, codes) = course.WriteCodes(1);
        await CliRunner.RunAsync(course, "credits", "import", file, "--provider", "aws", "--value", "50");
        await CliRunner.RunAsync(course, "credits", "issue", "--policy", "welcome");

        var run = await CliRunner.RunAsync(course, "credits", "show", "--student", "s01");

        Assert.Contains(codes[0], run.Out, StringComparison.Ordinal);
        var views = await course.InScopeAsync(s => s.GetRequiredService<CreditsDbContext>().Audit.CountAsync(a => a.Action == "view" && a.Login == "s01"));
        Assert.Equal(1, views);
    }

    private static async Task<TestCourse> IssuedCourseAsync(int codes, string? expires)
    {
        var course = await TestCourse.CreateAsync(students: 1);
        var (file, _) = course.WriteCodes(codes);
        string[] import = ["credits", "import", file, "--provider", "aws", "--value", "50"];
        await CliRunner.RunAsync(course, expires is null ? import : [.. import, "--expires", expires]);
        Assert.Equal(0, (await CliRunner.RunAsync(course, "credits", "issue", "--policy", "welcome")).ExitCode);
        return course;
    }

    private static Task<List<CreditCode>> CodesAsync(TestCourse course) =>
        course.InScopeAsync(s => s.GetRequiredService<CreditsDbContext>().Codes.AsNoTracking().ToListAsync());
}
