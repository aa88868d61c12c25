using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Course.Grader.Tests.Support;

/// <summary>The one-machine Slurm cluster of scripts/slurm.sh (partition "course"), driven by its command line.</summary>
internal static class SlurmCluster
{
    public const string Partition = "course";

    private static readonly Lazy<bool> Answers = new(() =>
    {
        try
        {
            return Run("sinfo", "--version").Exit == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    });

    /// <summary>True when <c>sinfo</c> is installed (a cluster that then does not answer fails the tests, it does not skip them).</summary>
    public static bool Available => Answers.Value;

    /// <summary>The partition's (only) node.</summary>
    public static string Node => Run("sinfo", "-h", "-N", "-p", Partition, "-o", "%N").Output.Split('\n')[0].Trim();

    /// <summary>One line of <c>scontrol show job -o</c>.</summary>
    public static string ShowJob(string id) => Run("scontrol", "show", "job", "-o", id).Output;

    /// <summary>The value of <paramref name="field"/> (e.g. JobState) in <see cref="ShowJob"/>.</summary>
    public static string JobField(string id, string field) =>
        ShowJob(id).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2))
            .Where(kv => kv.Length == 2 && kv[0] == field).Select(kv => kv[1]).FirstOrDefault() ?? "";

    /// <summary>A time field (e.g. StartTime) of <see cref="ShowJob"/>; Slurm prints this machine's local time.</summary>
    public static DateTimeOffset JobTime(string id, string field) =>
        new(DateTime.ParseExact(JobField(id, field), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal));

    /// <summary>Submits a job of the test's own to the partition with sbatch <paramref name="arguments"/>; returns its id.</summary>
    public static string Submit(params string[] arguments)
    {
        var (exit, output) = Run("sbatch", ["--parsable", $"--partition={Partition}", "--output=/dev/null", .. arguments]);
        Assert.True(exit == 0, $"sbatch {string.Join(' ', arguments)}: {output}");
        return output.Trim().Split(';')[0];
    }

    /// <summary>Cancels job <paramref name="id"/>, whatever its state.</summary>
    public static void Cancel(string id) => Run("scancel", id);

    /// <summary>Waits until Slurm reports <paramref name="state"/> for job <paramref name="id"/> (a step ends a moment after it recorded).</summary>
    public static Task WaitForStateAsync(string id, string state) =>
        Eventually.WaitAsync(() => Task.FromResult(JobField(id, "JobState") == state), TimeSpan.FromSeconds(60), () => ShowJob(id));

    /// <summary>Runs <c>scontrol</c> with <paramref name="arguments"/>; fails the test when it fails.</summary>
    public static void Control(params string[] arguments)
    {
        var (exit, output) = Run("scontrol", arguments);
        Assert.True(exit == 0, $"scontrol {string.Join(' ', arguments)}: {output}");
    }

    /// <summary>Brings the node back (a test took it down) and waits until it takes jobs again.</summary>
    public static async Task ResumeAsync()
    {
        var node = Node;
        for (var i = 0; i < 60; i++)
        {
            var state = Run("sinfo", "-h", "-n", node, "-o", "%T").Output.Trim();
            if (state is "idle" or "mixed" or "allocated")
            {
                return;
            }

            Run("scontrol", "update", $"nodename={node}", "state=resume");
            await Task.Delay(1000);
        }
    }

    private static (int Exit, string Output) Run(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
