using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Credits.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Credits.Cli;

/// <summary><c>credits problem</c>, <c>credits replace</c>, <c>credits redeemed</c>: the after-care of a code.</summary>
internal static class CaseCommands
{
    public static Command CreateProblem(CliHost host)
    {
        var code = new Argument<string>("code-id") { Description = "The code's id (not the code)" };
        var reason = new Option<string>("--reason") { Description = "What the student reported", Required = true };
        var command = new Command("problem", "Record that a code does not work for its student") { code, reason };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            await scope.ServiceProvider.GetRequiredService<CodeLifecycle>().ReportProblemAsync(context.Get(code), context.Get(reason), holder: null, context.Cancellation);
            await context.Out.WriteLineAsync($"code {context.Get(code)}: problem recorded; 'grader credits replace {context.Get(code)} --reason ...' issues a new one");
            return 0;
        });
        return command;
    }

    public static Command CreateReplace(CliHost host)
    {
        var code = new Argument<string>("code-id") { Description = "The code to void" };
        var reason = new Option<string>("--reason") { Description = "Why it is replaced", Required = true };
        var command = new Command("replace", "Void a code and issue its holder a new one (both audited); e-mail it with 'send'") { code, reason };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<CodeLifecycle>().ReplaceAsync(context.Get(code), context.Get(reason), actor: null, context.Cancellation);
            await context.Out.WriteLineAsync($"code {context.Get(code)} void; {result.Describe()}");
            return 0;
        });
        return command;
    }

    public static Command CreateRedeemed(CliHost host)
    {
        var report = new Argument<string?>("report") { Description = "Provider redemption report CSV (code[,redeemed_at])", Arity = ArgumentArity.ZeroOrOne };
        var student = new Option<string?>("--student") { Description = "A student's own confirmation (with --code)" };
        var code = new Option<string?>("--code") { Description = "The code id the student confirms" };
        var command = new Command("redeemed", "Mark codes redeemed: import a provider report, or record a student's confirmation") { report, student, code };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            if (context.Get(report) is { } file)
            {
                var result = await scope.ServiceProvider.GetRequiredService<RedemptionImporter>().ImportAsync(Path.GetFullPath(file), context.Cancellation);
                foreach (var warning in result.Warnings)
                {
                    await context.Error.WriteLineAsync($"warning: {warning}");
                }

                await context.Out.WriteLineAsync($"{result.Redeemed} code(s) marked redeemed, {result.AlreadyRedeemed} already were");
                return 0;
            }

            var login = context.Get(student) ?? throw new BadInputException("give a report file, or --student LOGIN --code CODE-ID");
            var id = context.Get(code) ?? throw new BadInputException("--student needs --code CODE-ID");
            await scope.ServiceProvider.GetRequiredService<CodeLifecycle>().ConfirmRedeemedAsync(login, id, context.Cancellation);
            await context.Out.WriteLineAsync($"code {id} of {login} marked redeemed");
            return 0;
        });
        return command;
    }
}
