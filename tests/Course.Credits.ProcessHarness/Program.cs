using System.CommandLine;
using Course.Assignments;
using Course.Core.Cli;
using Course.Credits;
using Course.Credits.Issuing;
using Microsoft.Extensions.DependencyInjection;

// The credits commands as `grader` has them, plus `burst`: many concurrent hand-issues from one process.
var host = new CliHost((services, configuration) => services.AddAssignments(configuration).AddCredits(configuration));
var root = new RootCommand("credits test harness");
root.Options.Add(GlobalOptions.Course);
root.Options.Add(GlobalOptions.Json);
foreach (var command in CreditsModule.Commands(host))
{
    root.Subcommands.Add(command);
}

var students = new Option<string>("--students") { Required = true };
var provider = new Option<string>("--provider") { Required = true };
var value = new Option<double>("--value") { Required = true };
var burst = new Command("burst", "Issue one code to each student, all at once, each on its own connection") { students, provider, value };
host.Handle(burst, async context =>
{
    var logins = context.Get(students).Split(',', StringSplitOptions.RemoveEmptyEntries);
    var results = await Task.WhenAll(logins.Select(login => Task.Run(async () =>
    {
        await using var scope = context.CreateScope();
        var issuing = scope.ServiceProvider.GetRequiredService<CreditIssuing>();
        return await issuing.IssueToStudentAsync(login, context.Get(provider), context.Get(value), context.Cancellation);
    })));
    foreach (var result in results)
    {
        await context.Out.WriteLineAsync($"{result.Outcome}\t{result.Login}\t{result.CodeId}");
    }

    return 0;
});
root.Subcommands.Add(burst);
return await root.Parse(args).InvokeAsync();
