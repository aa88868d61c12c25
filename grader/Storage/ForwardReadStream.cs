namespace Course.Grader.Storage;

/// <summary>
/// A read-only, forward-only stream of a blob of known length: what a store hands a reader. Subclasses say only how
/// the next bytes arrive; every read path goes through <see cref="ReadNextAsync"/>.
/// </summary>
internal abstract class ForwardReadStream(long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Fills the start of <paramref name="buffer"/> with the next bytes; 0 at the end.</summary>
    protected abstract ValueTask<int> ReadNextAsync(Memory<byte> buffer, CancellationToken cancellation);

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await ReadNextAsync(buffer, cancellationToken);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
