using Course.Grader.Grades.Regrades;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Course.Grader.Tests.Grades;

/// <summary>
/// Grade book notices reach a real SMTP server (Debian python3-aiosmtpd) through the course's one outbox, each
/// exactly once although every step runs twice: releasing, answering, queuing reminders and sending.
/// </summary>
public sealed class NoticeMailTests
{
    private static readonly DateTimeOffset DayBeforeDeadline = new(2026, 10, 11, 23, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 180_000)]
    public async Task Release_RunTwiceAndSentTwice_EachStudentGetsOneMailWithTheirScore()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(DayBeforeDeadline.AddDays(3)), students: ["ana", "ben"]);
        await using var smtp = await NoticeSmtp.StartAsync(course);
        await course.GradedSubmissionAsync("ana", "all good");

        var first = await course.RunAsync("grades", "release", TestCourse.Assignment, "--by", "prof");
        var second = await course.RunAsync("grades", "release", TestCourse.Assignment, "--by", "prof");
        await NoticeSmtp.SendTwiceAsync(course);

        Assert.Contains("2 e-mail(s) queued", first.Out, StringComparison.Ordinal);
        Assert.Contains("0 e-mail(s) queued", second.Out, StringComparison.Ordinal);
        var messages = smtp.Messages();
        Assert.Equal(["ana@example.edu", "ben@example.edu"], NoticeSmtp.Recipients(messages));
        Assert.All(messages, m => Assert.Contains("Grades released: Shell homework", m.Subject, StringComparison.Ordinal));
        Assert.Contains("Your score: 100%", To(messages, "ana").TextBody, StringComparison.Ordinal);
        Assert.Contains("no score on it yet", To(messages, "ben").TextBody, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task Release_NotStaff_ExitsTwoAndQueuesNothing()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(DayBeforeDeadline), students: ["ana"]);

        var (exit, _, error) = await course.RunAsync("grades", "release", TestCourse.Assignment, "--by", "ana");

        Assert.Equal(2, exit);
        Assert.Contains("--by: 'ana' is not on the course's staff", error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task RegradeAnswered_ReplyAndResolution_TeamGetsEachOnceAndOthersNothing()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(DayBeforeDeadline), teamWork: true, students: ["ana", "ben", "cy"]);
        await course.AddTeamAsync(TestCourse.TeamWork, "duo", "ana", "ben");
        await using var smtp = await NoticeSmtp.StartAsync(course);
        var id = await AskAsync(course, "ana", TestCourse.TeamWork, "sum", "Please recheck the sum.");

        var replied = await course.RunAsync("regrades", "reply", id, "--by", "prof", "--message", "Looking at it.");
        var resolved = await course.RunAsync("regrades", "resolve", id, "--by", "prof", "--score", "0.75", "--reason", "partial credit for the method");
        await NoticeSmtp.SendTwiceAsync(course);

        Assert.Equal((0, 0), (replied.Exit, resolved.Exit));
        var messages = smtp.Messages();
        Assert.Equal(["ana@example.edu", "ana@example.edu", "ben@example.edu", "ben@example.edu"], NoticeSmtp.Recipients(messages));
        Assert.Equal(2, messages.Count(m => (m.TextBody ?? "").Contains("Looking at it.", StringComparison.Ordinal)));
        Assert.Equal(2, messages.Count(m => (m.TextBody ?? "").Contains("is now 75%", StringComparison.Ordinal)
                                              && (m.TextBody ?? "").Contains("partial credit for the method", StringComparison.Ordinal)));
    }

    [Fact(Timeout = 180_000)]
    public async Task DeadlineReminder_WithinTheSetting_OnlyStudentsWithoutASubmissionOnce()
    {
        var clock = new FakeTimeProvider(DayBeforeDeadline.AddDays(-3));
        using var course = await TestCourse.CreateAsync(clock, students: ["ana", "ben"]);
        await CourseJsonEdit.ApplyAsync(course, json => json["notices"] = new System.Text.Json.Nodes.JsonObject { ["deadlineReminder"] = "48h" });
        await using var smtp = await NoticeSmtp.StartAsync(course);
        await course.GradedSubmissionAsync("ana", "submitted");

        var early = await course.RunAsync("notices", "send");
        clock.SetUtcNow(DayBeforeDeadline);
        await NoticeSmtp.SendTwiceAsync(course);
        clock.SetUtcNow(DayBeforeDeadline.AddHours(2));
        var afterDeadline = await course.RunAsync("notices", "send");

        Assert.Contains("0 deadline reminder(s) queued", early.Out, StringComparison.Ordinal);
        var reminder = Assert.Single(smtp.Messages());
        Assert.Equal(["ben@example.edu"], NoticeSmtp.Recipients([reminder]));
        Assert.Contains("is due on 2026-10-12 23:59 (UTC)", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("0 deadline reminder(s) queued", afterDeadline.Out, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task DeadlineReminder_UnreadableSetting_ExitsTwoNamingIt()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(DayBeforeDeadline), students: ["ana"]);
        await CourseJsonEdit.ApplyAsync(course, json => json["notices"] = new System.Text.Json.Nodes.JsonObject { ["deadlineReminder"] = "two days" });

        var (exit, _, error) = await course.RunAsync("notices", "send");

        Assert.Equal(2, exit);
        Assert.Contains("notices.deadlineReminder", error, StringComparison.Ordinal);
    }

    private static async Task<string> AskAsync(TestCourse course, string login, string assignment, string item, string message)
    {
        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();
        var request = await scope.ServiceProvider.GetRequiredService<RegradeDesk>().AskAsync(login, assignment, item, message, CancellationToken.None);
        return request.Id.ToString("N");
    }

    private static MimeMessage To(IEnumerable<MimeMessage> messages, string login) =>
        Assert.Single(messages, m => m.To.Mailboxes.Any(a => a.Address == $"{login}@example.edu"));
}
