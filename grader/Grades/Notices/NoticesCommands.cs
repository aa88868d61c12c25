using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Credits.Outbox;

namespace Course.Grader.Grades.Notices;

/// <summary>
/// <c>grader notices send</c>: queues the deadline reminders that are due, then sends the course's outbox (the
/// same round <c>grader serve</c> runs every <c>--mail-every</c>). Exit 1 when some e-mails stay pending.
/// </summary>
internal static class NoticesCommands
{
    public static Command Create(CliHost host)
    {
        var send = new Command("send", "Queue due deadline reminders, then send every pending e-mail of the outbox");
        host.Handle(send, async context =>
        {
            await using var scope = context.CreateScope();
            var reminders = await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().QueueDueAsync(context.Cancellation);
            var round = await scope.ServiceProvider.GetRequiredService<ICreditMail>().RunAsync(dueOnly: false, context.Cancellation);
            var report = round.Flush;
            if (context.Json)
            {
                await context.WriteJsonAsync(new { reminders, report });
            }
            else
            {
                foreach (var error in report.Errors)
                {
                    await context.Error.WriteLineAsync(error);
                }

                await context.Out.WriteLineAsync(
                    $"{reminders} deadline reminder(s) queued; sent {report.Sent} to {report.Destination}; {report.StillPending} pending, {report.Uncertain} interrupted mid-send");
            }

            return report.StillPending > 0 ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return new Command("notices", "E-mail notices to students (grades released, regrades answered, deadlines near)") { send };
    }
}
