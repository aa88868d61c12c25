using System.CommandLine;
using Course.Core.Cli;
using Course.Credits.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Credits.Cli;

/// <summary><c>grader credits import codes.csv --provider aws --value 100 [--expires DATE]</c>.</summary>
internal static class ImportCommand
{
    public static Command Create(CliHost host)
    {
        var file = new Argument<string>("file") { Description = "CSV with a 'code' column (optional 'expires')" };
        var provider = new Option<string>("--provider") { Description = "Cloud provider, e.g. aws", Required = true };
        var value = new Option<double>("--value") { Description = "Value of each code", Required = true };
        var expires = new Option<string?>("--expires") { Description = "Expiry of codes without their own (yyyy-MM-dd, course time zone)" };
        var command = new Command("import", "Import voucher codes: the whole file or nothing") { file, provider, value, expires };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var report = await scope.ServiceProvider.GetRequiredService<CodeImporter>().ImportAsync(
                new ImportRequest(Path.GetFullPath(context.Get(file)), context.Get(provider), context.Get(value), context.Get(expires)),
                context.Cancellation);
            await CreditsCommands.NoteKeyFileAsync(context);
            if (context.Json)
            {
                await context.WriteJsonAsync(report);
            }
            else
            {
                await context.Out.WriteLineAsync(
                    $"imported {report.Imported} {report.Provider} code(s) of {report.Value} (batch {report.Batch}{(report.EarliestExpiry is { } e ? $", earliest expiry {e:yyyy-MM-dd}" : "")})");
            }

            return 0;
        });
        return command;
    }
}
