using System.CommandLine;
using System.Globalization;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Core.Output;
using Course.Grader.Cluster;
using Spectre.Console;

namespace Course.Grader.Cli;

/// <summary><c>grader hosts [--json]</c>: the hosts that run jobs, with what each advertised last (cores, memory, GPUs).</summary>
internal static class HostsCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("hosts", "Show the hosts that run grading jobs: cores, memory, GPUs (free/all, kind), last seen");
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var hosts = await scope.ServiceProvider.GetRequiredService<HostRegistry>().ListAsync(context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(hosts);
                return ExitCodes.Ok;
            }

            var invariant = CultureInfo.InvariantCulture;
            var table = new Table().AddColumns("host", "engine", "cores", "memory", "gpus", "gpu kind", "status", "seen");
            foreach (var row in hosts)
            {
                table.AddRow(Markup.Escape(row.Name), row.Engine, row.Cores.ToString(invariant),
                    $"{(row.MemoryBytes / (double)(1L << 30)).ToString("0.#", invariant)} GiB",
                    row.Gpus > 0 ? $"{row.FreeGpus.ToString(invariant)}/{row.Gpus.ToString(invariant)} free" : "",
                    Markup.Escape(row.GpuKind ?? ""), Markup.Escape(row.Status ?? ""), row.SeenAt.ToString("yyyy-MM-dd HH:mm:ss", invariant));
            }

            await TableWriter.WriteAsync(context.Out, table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
