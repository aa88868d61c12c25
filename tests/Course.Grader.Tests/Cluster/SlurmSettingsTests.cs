using Course.Core.Errors;
using Course.Grader.Cluster;
using Microsoft.Extensions.Configuration;

namespace Course.Grader.Tests.Cluster;

/// <summary>Slurm states as the queue reads them, and the engine's settings as they are checked at start.</summary>
public sealed class SlurmSettingsTests
{
    [Theory]
    [InlineData("PENDING", "Waiting")]
    [InlineData("RUNNING", "Running")]
    [InlineData("COMPLETED", "Completed")]
    [InlineData("FAILED", "Failed")]
    [InlineData("OUT_OF_MEMORY", "Failed")]
    [InlineData("TIMEOUT", "TimedOut")]
    [InlineData("NODE_FAIL", "Lost")]
    [InlineData("PREEMPTED", "Lost")]
    [InlineData("CANCELLED by 0", "Lost")]
    [InlineData("SOMETHING_NEW", "Waiting")]
    public void Phase_SlurmState_MapsToTheQueuesMeaning(string state, string expected) => Assert.Equal(expected, SlurmStates.Phase(state).ToString());

    [Theory]
    [InlineData("gpu:2", 2, null)]
    [InlineData("gpu:a100:4(S:0-1)", 4, "a100")]
    [InlineData("(null)", 0, null)]
    [InlineData("gpu:h100:1(IDX:0),shard:8", 1, "h100")]
    public void Gpus_SinfoGres_CountAndKind(string gres, int count, string? kind) => Assert.Equal((count, kind), SlurmNodes.Gpus(gres));

    [Theory]
    [InlineData("Queue:Engine", "kubernetes", "Queue:Engine: 'kubernetes' is not local or slurm")]
    [InlineData("Slurm:Partition", "course --uid=0", "Slurm:Partition: 'course --uid=0' is not a Slurm name")]
    [InlineData("Slurm:Account", "a;b", "Slurm:Account: 'a;b' is not a Slurm name")]
    public void From_BadSetting_IsBadInputNamingTheKey(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { ["Queue:Engine"] = "slurm", ["Slurm:Partition"] = "course", [key] = value };

        var error = Assert.Throws<BadInputException>(() => ClusterOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData("120", "Slurm:StopAheadSeconds: 120 is not less than Slurm:TimeMarginSeconds (120)")]
    [InlineData("-1", "Slurm:StopAheadSeconds: '-1' is not a whole number from 0 to 86400")]
    public void From_StopAheadNotBelowTheMargin_IsBadInputNamingBoth(string value, string message)
    {
        var settings = new Dictionary<string, string?> { ["Queue:Engine"] = "slurm", ["Slurm:Partition"] = "course", ["Slurm:StopAheadSeconds"] = value };

        var error = Assert.Throws<BadInputException>(() => ClusterOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void From_NoStopAhead_StopsHalfTheMarginAheadOfSlurmsEnd()
    {
        var settings = new Dictionary<string, string?> { ["Queue:Engine"] = "slurm", ["Slurm:Partition"] = "course", ["Slurm:TimeMarginSeconds"] = "90" };

        Assert.Equal(TimeSpan.FromSeconds(45), ClusterOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).StopAhead);
    }

    [Theory]
    [InlineData("42|TIMEOUT|vm|2026-11-26T19:02:45|2026-11-26T19:03:50", "TIMEOUT", "vm", 65)]
    [InlineData("43|PENDING|(null)|N/A|N/A", "PENDING", null, null)]
    public void FromSqueue_Line_StateNodeAndElapsed(string line, string state, string? node, int? elapsedSeconds)
    {
        var (id, seen) = SlurmJobState.FromSqueue(line)!.Value;

        Assert.Equal((line.Split('|')[0], state, node), (id, seen.State, seen.Node));
        Assert.Equal(elapsedSeconds, (int?)seen.Elapsed?.TotalSeconds);
    }

    [Fact]
    public void From_SlurmWithoutPartition_IsBadInputNamingThePartition()
    {
        var settings = new Dictionary<string, string?> { ["Queue:Engine"] = "Slurm" };

        var error = Assert.Throws<BadInputException>(() => ClusterOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.StartsWith("Slurm:Partition: required when Queue:Engine is slurm", error.Message);
    }
}
