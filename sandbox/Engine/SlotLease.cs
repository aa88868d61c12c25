namespace Course.Sandbox.Engine;

/// <summary>Slots held by one job; disposing gives them back once.</summary>
internal sealed class SlotLease<T>(IReadOnlyList<T> slots, Action<IReadOnlyList<T>> release) : IDisposable
{
    private int _released;

    public IReadOnlyList<T> Slots { get; } = slots;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            release(Slots);
        }
    }
}
