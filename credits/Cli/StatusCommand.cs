using System.CommandLine;
using Course.Core.Cli;
using Course.Credits.Status;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Course.Credits.Cli;

/// <summary><c>grader credits status [--json]</c> and <c>grader credits show --student LOGIN</c> (audited).</summary>
internal static class StatusCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("status", "Inventory, codes per student, outstanding value, problem cases, outbox");
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var status = await scope.ServiceProvider.GetRequiredService<StatusQuery>().GetAsync(context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(status);
                return 0;
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) });
            console.Profile.Width = Math.Max(console.Profile.Width, 200);
            var inventory = new Table().AddColumns("provider", "value", "by status", "total");
            foreach (var line in status.Inventory)
            {
                inventory.AddRow(line.Provider, $"{line.Value:0.##}", Markup.Escape(string.Join(", ", line.ByStatus.Select(s => $"{s.Key} {s.Value}"))), $"{line.Total}");
            }

            console.Write(inventory);
            var students = new Table().AddColumns("student", "issued", "sent", "redeemed", "problems", "outstanding", "spend", "codes");
            foreach (var s in status.Students)
            {
                students.AddRow(Markup.Escape(s.Login), $"{s.Issued}", $"{s.Sent}", $"{s.Redeemed}", $"{s.Problems}", $"{s.Outstanding:0.##}",
                    $"{s.Spend:0.##}", Markup.Escape(string.Join(" ", s.CodeIds)));
            }

            console.Write(students);
            console.WriteLine($"outstanding value: {status.OutstandingValue:0.##}");
            foreach (var problem in status.Problems)
            {
                console.WriteLine($"problem: code {problem.CodeId} ({problem.Login}) {problem.Status}: {problem.Note}");
            }

            var outbox = status.Outbox;
            console.WriteLine($"e-mail: {outbox.Sent} sent, {outbox.Pending} pending, {outbox.Uncertain} interrupted mid-send, {outbox.Cancelled} cancelled");
            foreach (var error in outbox.Errors)
            {
                console.WriteLine($"  pending: {error}");
            }

            return 0;
        });
        return command;
    }

    public static Command CreateShow(CliHost host)
    {
        var student = new Option<string>("--student") { Description = "Whose codes to show in clear text", Required = true };
        var command = new Command("show", "Show a student's codes in clear text (every view is audited)") { student };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var shown = await scope.ServiceProvider.GetRequiredService<CodeViewer>()
                .ShowAsync(context.Get(student), Ledger.Audit.CurrentActor, context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(shown);
            }
            else
            {
                foreach (var code in shown)
                {
                    await context.Out.WriteLineAsync($"{code.CodeId}  {code.Provider} {code.Value:0.##}  {code.Status,-9}  {code.Code}");
                }

                await context.Out.WriteLineAsync($"{shown.Count} code(s) of {context.Get(student)}; this view was audited");
            }

            return 0;
        });
        return command;
    }
}
