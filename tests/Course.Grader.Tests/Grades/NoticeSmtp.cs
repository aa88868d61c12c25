using Course.Credits.Tests.Support;
using Course.Grader.Tests.Support;
using MimeKit;

namespace Course.Grader.Tests.Grades;

/// <summary>
/// A real SMTP server (python3 -m aiosmtpd) for a test course's notices, and the course's mail round run twice: a notice
/// must still leave once.
/// </summary>
internal static class NoticeSmtp
{
    /// <summary>Starts the server and points the course's Smtp settings at it; dispose it to stop it.</summary>
    public static async Task<SmtpSink> StartAsync(TestCourse course)
    {
        var smtp = new SmtpSink(course.Directory);
        await smtp.StartAsync();
        course.Settings["Smtp:Host"] = "127.0.0.1";
        course.Settings["Smtp:Port"] = $"{smtp.Port}";
        course.Settings["Smtp:From"] = "course@course.example.edu";
        return smtp;
    }

    /// <summary>Both senders, each run twice.</summary>
    public static async Task SendTwiceAsync(TestCourse course)
    {
        foreach (var args in new[] { new[] { "notices", "send" }, ["notices", "send"], ["credits", "send"] })
        {
            var (exit, _, error) = await course.RunAsync(args);
            Assert.True(exit == 0, $"{string.Join(' ', args)}: {error}");
        }
    }

    /// <summary>Every recipient address of <paramref name="messages"/>, sorted.</summary>
    public static string[] Recipients(IEnumerable<MimeMessage> messages) =>
        messages.SelectMany(m => m.To.Mailboxes).Select(m => m.Address).Order(StringComparer.Ordinal).ToArray();
}
