using System.CommandLine;
using Course.Core.Cli;
using Course.Credits.Spend;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Credits.Cli;

/// <summary><c>grader credits spend billing.csv</c>: totals per student and reminders at budget thresholds.</summary>
internal static class SpendCommand
{
    public static Command Create(CliHost host)
    {
        var file = new Argument<string>("billing") { Description = "Billing CSV (account e-mail, usage date, unblended cost)" };
        var command = new Command("spend", "Import a billing report and queue reminders to students over a budget threshold") { file };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var report = await scope.ServiceProvider.GetRequiredService<SpendImporter>().ImportAsync(Path.GetFullPath(context.Get(file)), actor: null, context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(report);
                return 0;
            }

            foreach (var warning in report.Warnings)
            {
                await context.Error.WriteLineAsync($"warning: {warning}");
            }

            await context.Out.WriteLineAsync(
                $"{report.Students} student(s), total {report.Total:0.00}; {report.Reminders} reminder(s) queued; run 'grader credits send'");
            return 0;
        });
        return command;
    }
}
