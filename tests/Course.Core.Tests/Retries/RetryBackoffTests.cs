using Course.Core.Retries;

namespace Course.Core.Tests.Retries;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(1000, 60)]
    public void After_DoublesFromOneMinuteUpToAnHour(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), RetryBackoff.After(failures));

    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 50)]
    [InlineData(5, 800)]
    [InlineData(6, 1000)]
    [InlineData(int.MaxValue, 1000)]
    public void Doubling_Failures_DoublesTheFirstWaitUpToTheLongest(int failures, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds),
            RetryBackoff.Doubling(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1), failures));

    [Fact]
    public void Doubling_LongFirstWaitManyFailures_StopsAtTheLongestWithoutOverflow() =>
        Assert.Equal(TimeSpan.MaxValue, RetryBackoff.Doubling(TimeSpan.FromDays(1), TimeSpan.MaxValue, 1000));
}
