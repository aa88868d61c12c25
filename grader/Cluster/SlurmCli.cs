using System.ComponentModel;
using System.Diagnostics;
using Course.Grader.Grading;

namespace Course.Grader.Cluster;

/// <summary>
/// Runs Slurm's commands (sbatch, squeue, scontrol, scancel, sinfo) with their arguments as separate words, never
/// through a shell. A command that is missing, fails or hangs is an <see cref="InfrastructureException"/>: the
/// cluster failed, not the student.
/// </summary>
internal sealed class SlurmCli
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="tool"/>, writing <paramref name="input"/> to its standard input; returns its output.</summary>
    public async Task<string> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellation, string? input = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception failure)
        {
            throw new InfrastructureException($"{tool}: not found on {Environment.MachineName} (is Slurm installed? {failure.Message})", failure);
        }

        using (process)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            limit.CancelAfter(Patience);
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var error = process.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), limit.Token);
                process.StandardInput.Close();
                await process.WaitForExitAsync(limit.Token);
                var text = await output;
                return process.ExitCode == 0
                    ? text
                    : throw new InfrastructureException($"{tool} {string.Join(' ', start.ArgumentList)}: exit {process.ExitCode}: {(await error).Trim()}");
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                throw new InfrastructureException($"{tool}: no answer within {Patience.TotalSeconds:0} s (is slurmctld running?)");
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
    }
}
