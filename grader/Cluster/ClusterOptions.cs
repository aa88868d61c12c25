using System.Reflection;
using System.Text.RegularExpressions;
using Course.Core.Errors;
using Course.Core.Settings;

namespace Course.Grader.Cluster;

/// <summary>
/// Which engine runs the jobs (<c>Queue:Engine</c>: local or slurm) and, for Slurm, section <c>Slurm</c>:
/// <c>Partition</c> (required), <c>Account</c>, <c>Grader</c> (the grader command on the nodes, default this
/// process's own), <c>TimeMarginSeconds</c> (added to an assignment's timeout for container start-up and recording,
/// default 120), <c>StopAheadSeconds</c> (how long before the Slurm job's end the step stops the run itself, keeping what
/// it logged; default half the margin, 0: never), <c>StepMemory</c> (MiB for the grader step beside the container, default 512), <c>PollSeconds</c>
/// (how often squeue is read, default 2) and <c>LogFolder</c> (the steps' output, default <c>.slurm</c> beside
/// course.json).
/// </summary>
public sealed partial record ClusterOptions
{
    public ClusterEngine Engine { get; init; } = ClusterEngine.Local;

    public string? Partition { get; init; }

    public string? Account { get; init; }

    /// <summary>The command that starts <c>grader</c> on a node, as separate words.</summary>
    public IReadOnlyList<string> Grader { get; init; } = [];

    public TimeSpan TimeMargin { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long before its Slurm job's end a step ends the run as at its time limit; zero: it leaves the end to Slurm.</summary>
    public TimeSpan StopAhead { get; init; } = TimeSpan.FromMinutes(1);

    public int StepMemoryMiB { get; init; } = 512;

    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(2);

    public string? LogFolder { get; init; }

    /// <summary>Reads the settings; an unknown engine, or Slurm without a partition, is bad input naming the key.</summary>
    public static ClusterOptions From(IConfiguration configuration)
    {
        var queue = new SettingsSection(configuration, "Queue");
        var engine = queue.Text("Engine")?.Trim().ToLowerInvariant() switch
        {
            null or "local" => ClusterEngine.Local,
            "slurm" => ClusterEngine.Slurm,
            var other => throw queue.Invalid("Engine", other, "local or slurm"),
        };
        var slurm = new SettingsSection(configuration, "Slurm");
        var defaults = new ClusterOptions();
        var margin = slurm.Seconds("TimeMarginSeconds", defaults.TimeMargin, TimeSpan.FromDays(1));
        var stopAhead = TimeSpan.FromSeconds(slurm.Integer("StopAheadSeconds", (int)(margin.TotalSeconds / 2), 0, 86_400));
        if (stopAhead >= margin)
        {
            throw new BadInputException($"{slurm.NameOf("StopAheadSeconds")}: {stopAhead.TotalSeconds:0} is not less than {slurm.NameOf("TimeMarginSeconds")} "
                + $"({margin.TotalSeconds:0}): runs would be stopped before their own time limit");
        }

        var options = new ClusterOptions
        {
            Engine = engine,
            Partition = Name(slurm, "Partition"),
            Account = Name(slurm, "Account"),
            Grader = slurm.Text("Grader")?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? ThisGrader(),
            TimeMargin = margin,
            StopAhead = stopAhead,
            StepMemoryMiB = slurm.Integer("StepMemory", defaults.StepMemoryMiB, 64, 1 << 20),
            Poll = slurm.Seconds("PollSeconds", defaults.Poll, TimeSpan.FromHours(1)),
            LogFolder = slurm.Text("LogFolder"),
        };
        return engine == ClusterEngine.Slurm && options.Partition is null
            ? throw new BadInputException($"{slurm.NameOf("Partition")}: required when {queue.NameOf("Engine")} is slurm (the partition grading jobs are submitted to)")
            : options;
    }

    /// <summary>A partition or account name: Slurm's own characters only, so it cannot smuggle another option.</summary>
    private static string? Name(SettingsSection section, string key) => section.Text(key)?.Trim() switch
    {
        null => null,
        var name when SlurmName().IsMatch(name) => name,
        var name => throw section.Invalid(key, name, "a Slurm name (letters, digits, '_', '-', '.')"),
    };

    /// <summary>This process's own command: the apphost, or <c>dotnet exec grader.dll</c> when run through dotnet.</summary>
    private static string[] ThisGrader()
    {
        var process = Environment.ProcessPath ?? "grader";
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && Assembly.GetEntryAssembly()?.Location is { Length: > 0 } entry
            ? [process, "exec", entry]
            : [process];
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex SlurmName();
}
