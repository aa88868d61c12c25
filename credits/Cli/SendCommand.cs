using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Credits.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Credits.Cli;

/// <summary>
/// <c>grader credits send [--requeue-uncertain]</c>: marks expired codes, queues expiry warnings, then sends every
/// pending e-mail. Exit 1 when some stay pending (SMTP down): run it again later, nothing is lost.
/// </summary>
internal static class SendCommand
{
    public static Command Create(CliHost host)
    {
        var requeue = new Option<bool>("--requeue-uncertain")
        {
            Description = "First put e-mails interrupted mid-send (over 15 min ago) back in the queue; they keep their Message-Id",
        };
        var command = new Command("send", "Flush the e-mail outbox (SMTP, or .eml files when Smtp__Host is unset)") { requeue };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
            var requeued = context.Get(requeue)
                ? await sender.RequeueUncertainAsync(TimeSpan.FromMinutes(15), context.Cancellation)
                : 0;
            var round = await scope.ServiceProvider.GetRequiredService<ICreditMail>().RunAsync(dueOnly: false, context.Cancellation);
            var report = round.Flush;
            if (report.ClearTextWarning is { } warning)
            {
                await context.Error.WriteLineAsync($"warning: {warning}");
            }

            if (context.Json)
            {
                await context.WriteJsonAsync(new { requeued, expired = round.Expired, expiryWarnings = round.Warned, report });
            }
            else
            {
                foreach (var error in report.Errors)
                {
                    await context.Error.WriteLineAsync(error);
                }

                await context.Out.WriteLineAsync(
                    $"sent {report.Sent} to {report.Destination}; {report.StillPending} pending, {report.Uncertain} interrupted mid-send, {report.Cancelled} cancelled; {round.Expired} code(s) expired, {round.Warned} expiry warning(s) queued");
            }

            return report.StillPending > 0 ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }
}
