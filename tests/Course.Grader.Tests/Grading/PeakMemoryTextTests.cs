using Course.Grader.Grading;

namespace Course.Grader.Tests.Grading;

public sealed class PeakMemoryTextTests
{
    [Fact]
    public void Describe_SampledPeak_IsInMiB()
    {
        Assert.Equal("peak memory 51.5 MiB", PeakMemoryText.Describe(54_000_000));
    }

    [Fact]
    public void Describe_NoSample_SaysSoInsteadOfZero()
    {
        Assert.Equal("peak memory not sampled (the run ended before the first sample)", PeakMemoryText.Describe(null));
    }
}
