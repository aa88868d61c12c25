using System.Text.RegularExpressions;

namespace Course.Grader.Cluster;

/// <summary>
/// A Slurm job as squeue or scontrol shows it: its state, the node it runs or ran on (null before it starts), and when
/// it started and ended (null while Slurm has no such time; a running job's end is when its time limit falls).
/// </summary>
internal sealed partial record SlurmJobState(string State, string? Node, DateTimeOffset? Start = null, DateTimeOffset? End = null)
{
    /// <summary>How long the job held its allocation: from its start to its end; null before it started or ended.</summary>
    public TimeSpan? Elapsed => Start is { } start && End is { } end && end >= start ? end - start : null;

    /// <summary>Reads one line of squeue's <c>%i|%T|%N|%S|%e</c> as (Slurm job id, state); null for another line.</summary>
    public static (string Id, SlurmJobState State)? FromSqueue(string line) =>
        line.Split('|') is [var id, var state, var node, var start, var end]
            ? (id, new SlurmJobState(state, NodeOrNull(node), SlurmTime.Parse(start), SlurmTime.Parse(end)))
            : null;

    /// <summary>Reads one line of <c>scontrol show job -o</c>; null when it names no state.</summary>
    public static SlurmJobState? FromScontrol(string line)
    {
        var state = Field("JobState", line);
        return state is null
            ? null
            : new SlurmJobState(state, NodeOrNull(Field("NodeList", line)), SlurmTime.Parse(Field("StartTime", line)), SlurmTime.Parse(Field("EndTime", line)));
    }

    private static string? NodeOrNull(string? node) => node is null or "" or "(null)" ? null : node;

    private static string? Field(string name, string line) =>
        FieldPattern().Matches(line).FirstOrDefault(m => m.Groups[1].Value == name)?.Groups[2].Value;

    [GeneratedRegex(@"(?:^|\s)(\w+)=(\S*)")]
    private static partial Regex FieldPattern();
}
