using Course.Credits.Issuing;
using Course.Credits.Students;
using Course.Credits.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Credits.Tests.Outbox;

/// <summary>A student's "my code won't redeem" reaches the staff by e-mail (a real SMTP server), without the code itself.</summary>
public sealed class ProblemReportMailTests
{
    [Fact]
    public async Task StudentReportsAProblem_StaffGetOneMailNamingTheCodeReasonAndFix_NeverTheCode()
    {
        await using var course = await TestCourse.CreateAsync(students: 1);
        await using var smtp = new SmtpSink(course.Folder);
        await smtp.StartAsync();
        course.With("Smtp:Host", "127.0.0.1").With("Smtp:Port", $"{smtp.Port}").With("Smtp:From", "credits@course.example.edu");
        var (file, codes) = course.WriteCodes(1);
        await CliRunner.RunAsync(course, "credits", "import", file, "--provider", "aws", "--value", "50");
        var issued = await course.InScopeAsync(s => s.GetRequiredService<ICreditRequests>().RequestAsync("s01", "extra", CancellationToken.None));
        Assert.Equal(0, (await CliRunner.RunAsync(course, "credits", "send")).ExitCode);

        await course.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IStudentCredits>().ReportProblemAsync("s01", issued.CodeId!, "AWS says: promotion code invalid", CancellationToken.None);
            return 0;
        });
        var sent = await CliRunner.RunAsync(course, "credits", "send");
        await CliRunner.RunAsync(course, "credits", "send");

        Assert.Equal(0, sent.ExitCode);
        var messages = smtp.Messages();
        Assert.Equal(2, messages.Count); // the code to the student, then the report to the one staff member
        var report = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "prof@staff.example.edu");
        Assert.Equal($"[Credits test course] Credit code {issued.CodeId} of s01 does not redeem", report.Subject);
        Assert.Contains("AWS says: promotion code invalid", report.TextBody, StringComparison.Ordinal);
        Assert.Contains($"grader credits replace {issued.CodeId}", report.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[0], report.TextBody, StringComparison.Ordinal);
    }
}
