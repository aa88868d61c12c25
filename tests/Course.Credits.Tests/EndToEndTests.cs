using Course.Credits.Tests.Import;
using Course.Credits.Tests.Support;

namespace Course.Credits.Tests;

public sealed class EndToEndTests
{
    [Fact]
    public async Task Credits_ImportPolicyPrizesSend_OneMessagePerIssuedCodeAndNoCodeInClearText()
    {
        await using var course = await TestCourse.CreateAsync(students: 6);
        await using var smtp = new SmtpSink(course.Folder);
        await smtp.StartAsync();
        course.With("Smtp:Host", "127.0.0.1").With("Smtp:Port", $"{smtp.Port}").With("Credits:KeyFile", Path.Combine(course.Folder, "keys", "credits.key"));
        Directory.CreateDirectory(Path.Combine(course.Folder, "keys"));
        var (welcome, welcomeCodes) = course.WriteCodes(8, "welcome.csv");
        var (prize, prizeCodes) = course.WriteCodes(3, "prizes.csv");
        var winners = Path.Combine(course.Folder, "winners.csv");
        await File.WriteAllTextAsync(winners, "rank,team,login\n1,alpha,s01\n1,alpha,s02\n2,beta,s03\n3,gamma,s04\n");
        // Prize value per rank comes from the course: rank 1 → 500, rank 2 → 300; rank 3 has no prize.
        Assert.Equal(0, (await CliRunner.RunAsync(course, "credits", "import", welcome, "--provider", "aws", "--value", "50", "--expires", "2027-06-30")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(course, "credits", "import", prize, "--provider", "aws", "--value", "500")).ExitCode);
        var (runnerUp, runnerUpCodes) = course.WriteCodes(1, "runner-up.csv");
        Assert.Equal(0, (await CliRunner.RunAsync(course, "credits", "import", runnerUp, "--provider", "aws", "--value", "300")).ExitCode);
        var policy = await CliRunner.RunAsync(course, "credits", "issue", "--policy", "welcome");
        var prizes = await CliRunner.RunAsync(course, "credits", "issue", "--prizes", "hw2", "--winners", winners);
        var send = await CliRunner.RunAsync(course, "credits", "send");
        var status = await CliRunner.RunAsync(course, "credits", "status", "--json");

        Assert.Equal(0, policy.ExitCode);
        Assert.True(prizes.ExitCode == 0, prizes.Error);
        Assert.Contains("3 issued", prizes.Out, StringComparison.Ordinal);
        Assert.Equal(0, send.ExitCode);
        var received = smtp.Messages();
        Assert.Equal(9, received.Count);
        Assert.Equal(9, received.Select(m => m.MessageId).Distinct().Count());
        var issued = welcomeCodes.Concat(prizeCodes).Concat(runnerUpCodes)
            .Where(code => received.Any(m => (m.TextBody ?? "").Contains(code, StringComparison.Ordinal))).ToList();
        Assert.Equal(9, issued.Count);
        Assert.All(issued, code => Assert.Single(received, m => (m.TextBody ?? "").Contains(code, StringComparison.Ordinal)));
        Assert.Contains("\"outstandingValue\": 1600", status.Out, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        CodeImporterTests.AssertNoClearText(course, welcomeCodes.Concat(prizeCodes).Concat(runnerUpCodes));
    }
}
