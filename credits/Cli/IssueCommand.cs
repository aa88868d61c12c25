using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Credits.Issuing;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Credits.Cli;

/// <summary>
/// <c>grader credits issue (--policy NAME | --student LOGIN | --team T --assignment A | --prizes A [--winners FILE])</c>
/// and <c>grader credits request --student LOGIN --policy NAME</c>. Exit 1 when someone got nothing because no code was left.
/// </summary>
internal static class IssueCommand
{
    public static Command Create(CliHost host)
    {
        var policy = new Option<string?>("--policy") { Description = "Run a perStudent or perTeamMember policy of course.json" };
        var student = new Option<string?>("--student") { Description = "Give one student a code by hand" };
        var team = new Option<string?>("--team") { Description = "Give each member of a team a code (with --assignment)" };
        var assignment = new Option<string?>("--assignment") { Description = "The team's assignment" };
        var prizes = new Option<string?>("--prizes") { Description = "Award the prizes of a finished competition" };
        var winners = new Option<string?>("--winners") { Description = "CSV rank,team,login of the final standings (default: the leaderboard's)" };
        var provider = new Option<string?>("--provider") { Description = "Provider of a hand-issued code" };
        var value = new Option<double?>("--value") { Description = "Value of a hand-issued code" };
        var command = new Command("issue", "Issue codes by policy, by hand or as prizes; each e-mail is queued")
        {
            policy, student, team, assignment, prizes, winners, provider, value,
        };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var issuing = scope.ServiceProvider.GetRequiredService<CreditIssuing>();
            var chosen = new[] { context.Get(policy), context.Get(student), context.Get(team), context.Get(prizes) }.Count(o => o is not null);
            if (chosen != 1)
            {
                throw new BadInputException("give exactly one of --policy NAME, --student LOGIN, --team T --assignment A, --prizes ASSIGNMENT");
            }

            var cancellation = context.Cancellation;
            IssueReport report;
            if (context.Get(policy) is { } name)
            {
                report = await issuing.RunPolicyAsync(name, actor: null, cancellation);
            }
            else if (context.Get(student) is { } login)
            {
                var (p, v) = ProviderAndValue(context, provider, value);
                report = new IssueReport([await issuing.IssueToStudentAsync(login, p, v, cancellation)]);
            }
            else if (context.Get(team) is { } teamName)
            {
                var (p, v) = ProviderAndValue(context, provider, value);
                var forAssignment = context.Get(assignment) ?? throw new BadInputException("--team needs --assignment");
                report = await issuing.IssueToTeamAsync(forAssignment, teamName, p, v, cancellation);
            }
            else
            {
                var competition = context.Get(prizes)!;
                var standings = context.Get(winners) is { } file
                    ? WinnersFile.Read(Path.GetFullPath(file))
                    : await (scope.ServiceProvider.GetService<IFinalStandings>() ?? throw new BadInputException(
                        "no leaderboard standings are available in this build: pass --winners FILE (rank,team,login)"))
                        .FinalStandingsAsync(competition, cancellation);
                report = await issuing.AwardPrizesAsync(competition, standings, cancellation);
            }

            await CreditsCommands.NoteKeyFileAsync(context);
            return await PrintAsync(context, report);
        });
        return command;
    }

    public static Command CreateRequest(CliHost host)
    {
        var student = new Option<string>("--student") { Description = "The student asking", Required = true };
        var policy = new Option<string>("--policy") { Description = "An onRequest policy of course.json", Required = true };
        var command = new Command("request", "A student's request for a code of an onRequest policy (within its allowance)")
        {
            student, policy,
        };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<ICreditRequests>()
                .RequestAsync(context.Get(student), context.Get(policy), context.Cancellation);
            return await PrintAsync(context, new IssueReport([result]));
        });
        return command;
    }

    private static (string Provider, double Value) ProviderAndValue(CommandContext context, Option<string?> provider, Option<double?> value) =>
        (context.Get(provider) ?? throw new BadInputException("--provider is required when issuing by hand"),
            context.Get(value) ?? throw new BadInputException("--value is required when issuing by hand"));

    private static async Task<int> PrintAsync(CommandContext context, IssueReport report)
    {
        if (context.Json)
        {
            await context.WriteJsonAsync(new
            {
                issued = report.Issued,
                alreadyIssued = report.AlreadyIssued,
                noneLeft = report.NoneLeft,
                allowanceUsed = report.AllowanceUsed,
                results = report.Results,
            });
        }
        else
        {
            foreach (var result in report.Results)
            {
                await (result.Outcome == IssueOutcome.NoneLeft ? context.Error : context.Out).WriteLineAsync(result.Describe());
            }

            await context.Out.WriteLineAsync(
                $"{report.Issued} issued, {report.AlreadyIssued} already issued, {report.NoneLeft} none left, {report.AllowanceUsed} over allowance; run 'grader credits send' to e-mail them");
        }

        return report.NoneLeft > 0 ? ExitCodes.Failure : ExitCodes.Ok;
    }
}
