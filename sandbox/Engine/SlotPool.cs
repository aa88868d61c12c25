namespace Course.Sandbox.Engine;

/// <summary>
/// Hands out distinct slots (host cores) to the concurrent jobs of this process, first come first served:
/// a job waits until enough slots are free, so parallel runs never share a core. GPUs are leased host-wide
/// instead (GpuLeases/HostGpus), since several grader processes of one host share them.
/// </summary>
internal sealed class SlotPool<T>(IReadOnlyList<T> slots)
{
    private readonly bool[] _busy = new bool[slots.Count];
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly Lock _lock = new();

    public int Count => slots.Count;

    /// <summary>Waits for <paramref name="count"/> free slots (1..Count) and leases them.</summary>
    public async Task<SlotLease<T>> AcquireAsync(int count, CancellationToken cancellation)
    {
        if (count < 1 || count > slots.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"between 1 and {slots.Count}");
        }

        Waiter waiter;
        lock (_lock)
        {
            if (_waiters.Count == 0 && TryTake(count) is { } taken)
            {
                return new SlotLease<T>(taken, Release);
            }

            waiter = new Waiter(count);
            waiter.Node = _waiters.AddLast(waiter);
        }

        await using var registration = cancellation.Register(() => Abandon(waiter, cancellation));
        return new SlotLease<T>(await waiter.Completion.Task, Release);
    }

    private void Abandon(Waiter waiter, CancellationToken cancellation)
    {
        lock (_lock)
        {
            if (waiter.Node?.List is null)
            {
                return;
            }

            _waiters.Remove(waiter.Node);
        }

        waiter.Completion.TrySetCanceled(cancellation);
    }

    private void Release(IReadOnlyList<T> leased)
    {
        var granted = new List<(Waiter, IReadOnlyList<T>)>();
        lock (_lock)
        {
            foreach (var slot in leased)
            {
                _busy[IndexOf(slot)] = false;
            }

            // FIFO: the oldest waiter goes first, so a job that needs many cores is not starved.
            while (_waiters.First is { } first && TryTake(first.Value.Count) is { } taken)
            {
                _waiters.RemoveFirst();
                granted.Add((first.Value, taken));
            }
        }

        foreach (var (waiter, taken) in granted)
        {
            if (!waiter.Completion.TrySetResult(taken))
            {
                Release(taken);
            }
        }
    }

    private IReadOnlyList<T>? TryTake(int count)
    {
        var free = Enumerable.Range(0, slots.Count).Where(i => !_busy[i]).Take(count).ToArray();
        if (free.Length < count)
        {
            return null;
        }

        foreach (var i in free)
        {
            _busy[i] = true;
        }

        return free.Select(i => slots[i]).ToArray();
    }

    private int IndexOf(T slot)
    {
        for (var i = 0; i < slots.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(slots[i], slot))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{slot} is not a slot of this pool");
    }

    private sealed class Waiter(int count)
    {
        public int Count { get; } = count;

        public LinkedListNode<Waiter>? Node { get; set; }

        public TaskCompletionSource<IReadOnlyList<T>> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
