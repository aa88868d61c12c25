using Course.Credits.Ledger;
using Course.Credits.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Credits.Tests.Issuing;

public sealed class ConcurrentIssueTests
{
    [Fact]
    public async Task Issue_HundredRequestsFromFourProcessesForTenCodes_IssuesExactlyTenDistinctCodes()
    {
        await using var course = await TestCourse.CreateAsync(students: 100);
        var (file, _) = course.WriteCodes(10);
        Assert.Equal(0, (await CliRunner.RunAsync(course, "credits", "import", file, "--provider", "aws", "--value", "100")).ExitCode);
        var students = Enumerable.Range(1, 100).Select(i => $"s{i:00}").ToList();

        // Four OS processes, each sending twenty-five requests at once, each request on its own connection.
        var processes = students.Chunk(25)
            .Select(chunk => Harness.Start(course, "burst", "--students", string.Join(",", chunk), "--provider", "aws", "--value", "100"))
            .ToList();
        var runs = await Task.WhenAll(processes.Select(Harness.WaitAsync));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Error));
        var lines = runs.SelectMany(r => r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(l => l.Split('\t')).ToList();
        Assert.Equal(100, lines.Count);
        var issued = lines.Where(l => l[0] == "Issued").ToList();
        Assert.Equal(10, issued.Count);
        Assert.Equal(10, issued.Select(l => l[2]).Distinct().Count());
        Assert.Equal(90, lines.Count(l => l[0] == "NoneLeft"));
        var ledger = await course.InScopeAsync(s => s.GetRequiredService<CreditsDbContext>().Codes.AsNoTracking().ToListAsync());
        Assert.All(ledger, code => Assert.Equal(CodeStatus.Issued, code.Status));
        Assert.Equal(10, ledger.Select(c => c.Login).Distinct().Count());
        Assert.Equal(issued.Select(l => l[2]).Order(), ledger.Select(c => c.Id).Order());
        var outbox = await course.InScopeAsync(s => s.GetRequiredService<CreditsDbContext>().Outbox.CountAsync());
        Assert.Equal(10, outbox);
    }

    [Fact]
    public async Task IssueCommand_NoCodeLeft_ExitsOneWithNoneLeftAnswer()
    {
        await using var course = await TestCourse.CreateAsync();
        var process = Harness.Start(course, "credits", "issue", "--student", "s01", "--provider", "aws", "--value", "100");

        var run = await Harness.WaitAsync(process);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("s01: none left", run.Error, StringComparison.Ordinal);
    }
}
