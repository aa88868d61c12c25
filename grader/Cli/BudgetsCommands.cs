using System.CommandLine;
using System.Globalization;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Grader.Queue;

namespace Course.Grader.Cli;

/// <summary>
/// <c>grader budgets show &lt;assignment&gt;</c> (GPU time used, reserved, budget and grants per student or team) and
/// <c>grader budgets grant &lt;assignment&gt; --student S --gpu-hours H --by STAFF --reason WHY</c> (recorded with who and why).
/// </summary>
internal static class BudgetsCommands
{
    public static Command Create(CliHost host) => new("budgets", "GPU-time budgets of full runs: show them, grant more") { Show(host), Grant(host) };

    private static Command Show(CliHost host)
    {
        var assignment = new Argument<string>("assignment");
        var show = new Command("show", "GPU-hours used, reserved by queued runs, budgeted and granted, per student or team") { assignment };
        host.Handle(show, async context =>
        {
            await using var scope = context.CreateScope();
            var standings = await scope.ServiceProvider.GetRequiredService<ComputeBudget>().ListAsync(context.Get(assignment)!, context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(standings);
                return ExitCodes.Ok;
            }

            foreach (var s in standings)
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Owner}: used {BudgetStanding.Hours(s.Used)}, reserved {BudgetStanding.Hours(s.Reserved)}, budget {BudgetStanding.Hours(s.Budget)} + granted {BudgetStanding.Hours(s.Granted)} GPU-hours, left {BudgetStanding.Hours(s.Left)}"));
            }

            return ExitCodes.Ok;
        });
        return show;
    }

    private static Command Grant(CliHost host)
    {
        var assignment = new Argument<string>("assignment");
        var student = new Option<string>("--student") { Description = "Login or team name", Required = true };
        var hours = new Option<double>("--gpu-hours") { Description = "GPU-hours to add", Required = true };
        var by = new Option<string>("--by") { Description = "Staff login granting it", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why, kept with the grant", Required = true };
        var grant = new Command("grant", "Give a student or team more GPU time on an assignment") { assignment, student, hours, by, reason };
        host.Handle(grant, async context =>
        {
            await using var scope = context.CreateScope();
            var budgets = scope.ServiceProvider.GetRequiredService<ComputeBudget>();
            var made = await budgets.GrantAsync(context.Get(assignment)!, context.Get(student)!, context.Get(hours), context.Get(by)!,
                context.Get(reason)!, context.Cancellation);
            var standing = await budgets.StandingAsync(made.Assignment, made.Owner, context.Cancellation)
                ?? throw new WorkFailedException($"assignment '{made.Assignment}' lost its budget");
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"granted {made.GpuSeconds / 3600:0.##} GPU-hours to {made.Owner} on {made.Assignment} by {made.Actor}; left {BudgetStanding.Hours(standing.Left)}"));
            return ExitCodes.Ok;
        });
        return grant;
    }
}
