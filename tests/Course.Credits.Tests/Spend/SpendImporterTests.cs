using Course.Credits.Ledger;
using Course.Credits.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Credits.Tests.Spend;

public sealed class SpendImporterTests
{
    private const string Header = "lineItem/UsageAccountId,account_email,lineItem/UsageStartDate,lineItem/UnblendedCost\n";

    [Fact]
    public async Task Spend_OverThresholds_RemindsOncePerThreshold()
    {
        await using var course = await TestCourse.CreateAsync(students: 3);
        var billing = Path.Combine(course.Folder, "billing.csv");
        // Budget 100: s01 at 55 (50 %), s02 at 30 (none), staff account ignored.
        await File.WriteAllTextAsync(billing, Header
            + "111,s01@students.example.edu,2026-11-01T00:00:00Z,30.5\n111,s01@students.example.edu,2026-11-02T00:00:00Z,24.5\n"
            + "222,s02@students.example.edu,2026-11-02T00:00:00Z,30\n999,prof@staff.example.edu,2026-11-02T00:00:00Z,7\n");

        var first = await CliRunner.RunAsync(course, "credits", "spend", billing);
        var repeat = await CliRunner.RunAsync(course, "credits", "spend", billing);
        await File.AppendAllTextAsync(billing, "111,s01@students.example.edu,2026-11-03T00:00:00Z,30\n");
        var higher = await CliRunner.RunAsync(course, "credits", "spend", billing);

        Assert.Contains("1 reminder(s) queued", first.Out, StringComparison.Ordinal);
        Assert.Contains("prof@staff.example.edu is not a student", first.Error, StringComparison.Ordinal);
        Assert.Contains("0 reminder(s) queued", repeat.Out, StringComparison.Ordinal);
        Assert.Contains("1 reminder(s) queued", higher.Out, StringComparison.Ordinal);
        var keys = await course.InScopeAsync(s => s.GetRequiredService<CreditsDbContext>().Outbox.Select(m => m.Key).ToListAsync());
        Assert.Equal(["spend:s01:0.5", "spend:s01:0.8"], keys.Order());
    }

    [Fact]
    public async Task Spend_BadCost_RejectsFileWithLineNumber()
    {
        await using var course = await TestCourse.CreateAsync(students: 1);
        var billing = Path.Combine(course.Folder, "billing.csv");
        await File.WriteAllTextAsync(billing, Header + "111,s01@students.example.edu,2026-11-01T00:00:00Z,abc\n");

        var run = await CliRunner.RunAsync(course, "credits", "spend", billing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("billing.csv:2: unblended cost 'abc' is not a number", run.Error, StringComparison.Ordinal);
    }
}
