using System.Threading.Channels;

namespace Course.Grader.Web.Webhooks;

/// <summary>Wakes the <see cref="PushDispatcher"/> when the webhook recorded a push; several wake-ups collapse into one.</summary>
internal sealed class PushSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Notify() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            // The timeout: look for pending pushes anyway (one left over from a restart, a retry).
        }
    }
}
