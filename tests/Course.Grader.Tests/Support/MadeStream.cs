namespace Course.Grader.Tests.Support;

/// <summary>
/// A read-only, forward-only stream whose bytes a test makes as they are read (<see cref="Fill"/>), so a store can be
/// fed content that is never held whole or that breaks off.
/// </summary>
internal abstract class MadeStream : Stream
{
    /// <summary>Bytes handed out so far.</summary>
    protected long Given { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Given; set => throw new NotSupportedException(); }

    /// <summary>Writes the next bytes to the start of <paramref name="buffer"/>; how many (0 at the end).</summary>
    protected abstract int Fill(Span<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Fill(buffer.AsSpan(offset, count));
        Given += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
