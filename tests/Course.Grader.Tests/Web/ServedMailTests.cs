using System.Text.Json;
using Course.Credits.Tests.Support;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.Web;

/// <summary><c>grader serve</c> sends the credits e-mail by itself, to a real SMTP server (Debian python3-aiosmtpd).</summary>
public sealed class ServedMailTests
{
    [Fact(Timeout = 180_000)]
    public async Task Serve_CodesIssuedBeforeAndWhileServing_EachReachesItsStudentOnce()
    {
        using var course = await TestCourse.CreateAsync(students: ["ana", "ben"]);
        await using var smtp = new SmtpSink(course.Directory);
        await smtp.StartAsync();
        course.Settings["Smtp:Host"] = "127.0.0.1";
        course.Settings["Smtp:Port"] = $"{smtp.Port}";
        course.Settings["Smtp:From"] = "credits@course.example.edu";
        var codes = Path.Combine(course.Directory, "codes.csv");
        await File.WriteAllTextAsync(codes, "code\nAWS-PROMO-0001\nAWS-PROMO-0002\n");
        Assert.Equal(0, (await course.RunAsync("credits", "import", codes, "--provider", "aws", "--value", "100")).Exit);
        Assert.Equal(0, (await course.RunAsync("credits", "issue", "--student", "ana", "--provider", "aws", "--value", "100")).Exit);

        using var server = GraderProcess.Start(course, "serve", "--urls", "http://127.0.0.1:0", "--workers", "0", "--mail-every", "1s");
        await Eventually.WaitAsync(() => Task.FromResult(smtp.Messages().Count == 1), TimeSpan.FromSeconds(90), () => server.Output);
        Assert.Equal(0, (await course.RunAsync("credits", "issue", "--student", "ben", "--provider", "aws", "--value", "100")).Exit);
        await Eventually.WaitAsync(() => Task.FromResult(smtp.Messages().Count == 2), TimeSpan.FromSeconds(30), () => server.Output);
        await Task.Delay(TimeSpan.FromSeconds(3)); // three more rounds: nothing is sent twice

        var messages = smtp.Messages();
        Assert.Equal(["ana@example.edu", "ben@example.edu"], messages.SelectMany(m => m.To.Mailboxes).Select(m => m.Address).Order());
        Assert.Single(messages, m => (m.TextBody ?? "").Contains("AWS-PROMO-0001", StringComparison.Ordinal));
        Assert.Single(messages, m => (m.TextBody ?? "").Contains("AWS-PROMO-0002", StringComparison.Ordinal));
        var (exit, status, _) = await course.RunAsync("credits", "status", "--json");
        Assert.Equal(0, exit);
        var outbox = JsonDocument.Parse(status).RootElement.GetProperty("outbox");
        Assert.Equal((2, 0), (outbox.GetProperty("sent").GetInt32(), outbox.GetProperty("pending").GetInt32()));
        Assert.Contains("credits e-mail: sent 1 to", server.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task Serve_NoSmtpHost_WritesOwnerOnlyEmlFilesAndWarnsWhereTheCodesAre()
    {
        using var course = await TestCourse.CreateAsync(students: ["ana"]);
        var codes = Path.Combine(course.Directory, "codes.csv");
        await File.WriteAllTextAsync(codes, "code\nAWS-PROMO-0001\n");
        Assert.Equal(0, (await course.RunAsync("credits", "import", codes, "--provider", "aws", "--value", "100")).Exit);
        Assert.Equal(0, (await course.RunAsync("credits", "issue", "--student", "ana", "--provider", "aws", "--value", "100")).Exit);
        var folder = Path.Combine(course.Directory, "outbox");

        using var server = GraderProcess.Start(course, "serve", "--urls", "http://127.0.0.1:0", "--workers", "0", "--mail-every", "1s");
        await Eventually.WaitAsync(() => Task.FromResult(server.Output.Contains("codes in them are in clear text there", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(90), () => server.Output);

        Assert.Contains($"no SMTP server is configured (Smtp__Host), so the e-mails are written to {folder}", server.Output, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact(Timeout = 120_000)]
    public async Task Serve_UnreadableAllowPlain_ExitsTwoNamingTheKey()
    {
        using var course = await TestCourse.CreateAsync();
        course.Settings["Smtp:AllowPlain"] = "yes";
        using var server = GraderProcess.Start(course, "serve", "--urls", "http://127.0.0.1:0", "--workers", "0");

        var exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.Contains("Smtp__AllowPlain: 'yes' is not true or false", server.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Serve_UnreadableMailInterval_ExitsTwoNamingTheOption()
    {
        using var course = await TestCourse.CreateAsync();
        using var server = GraderProcess.Start(course, "serve", "--urls", "http://127.0.0.1:0", "--mail-every", "soon");

        var exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.Contains("--mail-every: 'soon' is not a number with an optional unit", server.Output, StringComparison.Ordinal);
    }
}
