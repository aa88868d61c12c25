using System.CommandLine;
using Course.Core.Cli;
using Course.Credits.Protection;

namespace Course.Credits.Cli;

/// <summary><c>grader credits ...</c>: the voucher ledger's commands.</summary>
internal static class CreditsCommands
{
    public static Command Create(CliHost host)
    {
        var credits = new Command("credits", "Cloud credit codes: import, issue, e-mail, track, spend");
        foreach (var command in new[]
                 {
                     ImportCommand.Create(host), IssueCommand.Create(host), IssueCommand.CreateRequest(host), SendCommand.Create(host),
                     StatusCommand.Create(host), StatusCommand.CreateShow(host), CaseCommands.CreateProblem(host),
                     CaseCommands.CreateReplace(host), CaseCommands.CreateRedeemed(host), SpendCommand.Create(host),
                 })
        {
            credits.Subcommands.Add(command);
        }

        return credits;
    }

    /// <summary>Tells the user once that a key file was made: losing it makes every stored code unreadable.</summary>
    public static async Task NoteKeyFileAsync(CommandContext context)
    {
        var key = context.Service<KeyFile>();
        if (key.Created)
        {
            await context.Error.WriteLineAsync(
                $"created the credits key file {key.Path} (mode 0600); back it up and keep it out of git: without it the stored codes cannot be read. Set Credits__KeyFile to keep it elsewhere.");
        }
    }
}
