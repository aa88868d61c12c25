using System.Globalization;
using System.Text.Json.Nodes;
using Course.Credits.Tests.Support;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.Grades;

/// <summary>A real <c>grader serve</c> queues and sends deadline reminders in its mail rounds, to a real SMTP server, once.</summary>
public sealed class ServedNoticeTests
{
    [Fact(Timeout = 180_000)]
    public async Task Serve_DeadlineWithinTheSetting_ReminderReachesTheStudentWithoutASubmissionOnce()
    {
        // The server runs on the real clock.
        var deadline = TimeProvider.System.GetUtcNow().AddHours(2).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        using var course = await TestCourse.CreateAsync(deadline: deadline, students: ["ana", "ben"]);
        await CourseJsonEdit.ApplyAsync(course, json => json["notices"] = new JsonObject { ["deadlineReminder"] = "24h" });
        await course.GradedSubmissionAsync("ana", "submitted");
        await using var smtp = new SmtpSink(course.Directory);
        await smtp.StartAsync();
        course.Settings["Smtp:Host"] = "127.0.0.1";
        course.Settings["Smtp:Port"] = $"{smtp.Port}";
        course.Settings["Smtp:From"] = "course@course.example.edu";

        using var server = GraderProcess.Start(course, "serve", "--urls", "http://127.0.0.1:0", "--workers", "0", "--mail-every", "1s");
        await Eventually.WaitAsync(() => Task.FromResult(smtp.Messages().Count == 1), TimeSpan.FromSeconds(90), () => server.Output);
        await Task.Delay(TimeSpan.FromSeconds(3)); // three more rounds: nothing is queued or sent twice

        var reminder = Assert.Single(smtp.Messages());
        Assert.Equal("ben@example.edu", Assert.Single(reminder.To.Mailboxes).Address);
        Assert.Contains($"{TestCourse.Assignment} is due", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains("1 deadline reminder(s) queued", server.Output, StringComparison.Ordinal);
    }
}
