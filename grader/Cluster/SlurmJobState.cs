using System.Text.RegularExpressions;

namespace Course.Grader.Cluster;

/// <summary>A Slurm job as squeue or scontrol shows it: its state and the node it runs or ran on (null before it starts).</summary>
internal sealed partial record SlurmJobState(string State, string? Node)
{
    /// <summary>Reads one line of <c>scontrol show job -o</c>; null when it names no state.</summary>
    public static SlurmJobState? FromScontrol(string line)
    {
        var state = Field("JobState", line);
        var node = Field("NodeList", line);
        return state is null ? null : new SlurmJobState(state, node is null or "(null)" ? null : node);
    }

    private static string? Field(string name, string line) =>
        FieldPattern().Matches(line).FirstOrDefault(m => m.Groups[1].Value == name)?.Groups[2].Value;

    [GeneratedRegex(@"(?:^|\s)(\w+)=(\S*)")]
    private static partial Regex FieldPattern();
}
