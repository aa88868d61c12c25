using Course.Credits.Ledger;
using Course.Credits.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Credits.Tests.Outbox;

/// <summary>Against a real SMTP server (Debian python3-aiosmtpd) on a free port per test.</summary>
public sealed class SmtpOutboxTests
{
    [Fact]
    public async Task Send_ServerDownThenBack_DeliversExactlyOneMessagePerCodeWithItsMessageId()
    {
        await using var course = await TestCourse.CreateAsync(students: 4);
        await using var smtp = new SmtpSink(course.Folder);
        course.With("Smtp:Host", "127.0.0.1").With("Smtp:Port", $"{smtp.Port}").With("Smtp:From", "credits@course.example.edu")
            .With("Smtp:RetryAttempts", "2").With("Smtp:RetryDelay", "00:00:00"); // zero: the test's fake clock never fires a delay
        var (file, codes) = course.WriteCodes(4);
        await CliRunner.RunAsync(course, "credits", "import", file, "--provider", "aws", "--value", "50");
        Assert.Equal(0, (await CliRunner.RunAsync(course, "credits", "issue", "--policy", "welcome")).ExitCode);

        var down = await CliRunner.RunAsync(course, "credits", "send");
        var pending = await OutboxAsync(course);
        await smtp.StartAsync();
        var back = await CliRunner.RunAsync(course, "credits", "send");
        var again = await CliRunner.RunAsync(course, "credits", "send");

        Assert.Equal(1, down.ExitCode);
        Assert.All(pending, m => Assert.Equal(OutboxState.Pending, m.State));
        Assert.Contains(pending, m => m.Attempts == 1 && m.LastError is not null && m.NextAttemptAt > course.Clock.GetUtcNow());
        Assert.Equal(0, back.ExitCode);
        Assert.Contains("sent 4", back.Out, StringComparison.Ordinal);
        Assert.Contains("sent 0", again.Out, StringComparison.Ordinal);
        var received = smtp.Messages();
        var outbox = await OutboxAsync(course);
        Assert.Equal(4, received.Count);
        Assert.Equal(outbox.Select(m => m.MessageId).Order(), received.Select(m => m.MessageId).Order());
        Assert.All(outbox, m => Assert.Equal(OutboxState.Sent, m.State));
        var bodies = received.Select(m => m.TextBody ?? "").ToList();
        Assert.All(codes, code => Assert.Single(bodies, b => b.Contains(code, StringComparison.Ordinal)));
        Assert.All(bodies, b => Assert.Contains("https://console.aws.amazon.com/billing/home#/credits", b, StringComparison.Ordinal));
        Assert.All(bodies, b => Assert.Contains("Stop your instances", b, StringComparison.Ordinal));
        var sent = await course.InScopeAsync(s => s.GetRequiredService<CreditsDbContext>().Codes.CountAsync(c => c.Status == CodeStatus.Sent));
        Assert.Equal(4, sent);
    }

    [Fact]
    public async Task Send_MessageInterruptedMidSend_IsNotResentUntilStaffRequeueIt()
    {
        await using var course = await TestCourse.CreateAsync(students: 1);
        await using var smtp = new SmtpSink(course.Folder);
        await smtp.StartAsync();
        course.With("Smtp:Host", "127.0.0.1").With("Smtp:Port", $"{smtp.Port}");
        var (file, _) = course.WriteCodes(1);
        await CliRunner.RunAsync(course, "credits", "import", file, "--provider", "aws", "--value", "50");
        await CliRunner.RunAsync(course, "credits", "issue", "--policy", "welcome");
        // A process claimed the row and stopped before recording the result.
        await course.InScopeAsync(s => s.GetRequiredService<CreditsDbContext>().Outbox
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.State, OutboxState.Sending).SetProperty(m => m.ClaimedAt, course.Clock.GetUtcNow())));

        var first = await CliRunner.RunAsync(course, "credits", "send");
        course.Clock.Advance(TimeSpan.FromMinutes(20));
        var requeued = await CliRunner.RunAsync(course, "credits", "send", "--requeue-uncertain");

        Assert.Contains("1 interrupted mid-send", first.Out, StringComparison.Ordinal);
        Assert.Contains("sent 1", requeued.Out, StringComparison.Ordinal);
        var outbox = await OutboxAsync(course);
        Assert.Equal(outbox.Single().MessageId, Assert.Single(smtp.Messages()).MessageId);
    }

    [Fact]
    public async Task Send_NoSmtpHost_WritesOneEmlFilePerMessageBesideTheCourse()
    {
        await using var course = await TestCourse.CreateAsync(students: 3);
        var (file, _) = course.WriteCodes(3);
        await CliRunner.RunAsync(course, "credits", "import", file, "--provider", "aws", "--value", "50");
        await CliRunner.RunAsync(course, "credits", "issue", "--policy", "welcome");

        var run = await CliRunner.RunAsync(course, "credits", "send");
        await CliRunner.RunAsync(course, "credits", "send");

        Assert.Equal(0, run.ExitCode);
        var files = Directory.GetFiles(Path.Combine(course.Folder, "outbox"), "*.eml");
        Assert.Equal(3, files.Length);
        Assert.All(files, f => Assert.StartsWith("credit-", Path.GetFileName(f), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_NoSmtpHost_WritesEmlFilesForTheOwnerOnlyAndSaysWhereTheCodesAre()
    {
        await using var course = await TestCourse.CreateAsync(students: 2);
        var (file, codes) = course.WriteCodes(2);
        await CliRunner.RunAsync(course, "credits", "import", file, "--provider", "aws", "--value", "50");
        await CliRunner.RunAsync(course, "credits", "issue", "--policy", "welcome");
        var folder = Path.Combine(course.Folder, "outbox");

        var run = await CliRunner.RunAsync(course, "credits", "send");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"warning: no SMTP server is configured (Smtp__Host), so the e-mails are written to {folder}", run.Error, StringComparison.Ordinal);
        Assert.Contains("credit codes in them are in clear text there", run.Error, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        var files = Directory.GetFiles(folder);
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        Assert.All(codes, code => Assert.Single(files, f => File.ReadAllText(f).Contains(code, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Send_NoSmtpHostAndAWorldReadableOutboxFolder_TakesTheFolderAwayFromOtherUsers()
    {
        await using var course = await TestCourse.CreateAsync(students: 1);
        var folder = Path.Combine(course.Folder, "outbox");
        Directory.CreateDirectory(folder);
        var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(folder, open);

        var run = await CliRunner.RunAsync(course, "credits", "send");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
    }

    private static Task<List<OutboxMessage>> OutboxAsync(TestCourse course) =>
        course.InScopeAsync(s => s.GetRequiredService<CreditsDbContext>().Outbox.AsNoTracking().ToListAsync());
}
