using Course.Grader.Queue;

namespace Course.Grader.Tests.Queue;

public sealed class QueueOptionsTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    [InlineData(20, 1800)]
    public void BackoffAfter_Attempts_DoublesUpToTheCap(int attempts, double seconds)
    {
        var options = new QueueOptions();

        var delay = options.BackoffAfter(attempts);

        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }
}
