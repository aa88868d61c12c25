using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Storage;

/// <summary>
/// A stored blob read a chunk at a time, each chunk fetched when the reader reaches it; owns the scope (and the
/// database context) it reads with until it is disposed.
/// </summary>
internal sealed class BlobReadStream(AsyncServiceScope scope, StoredBlob blob) : Stream
{
    private readonly GraderDbContext _db = scope.ServiceProvider.GetRequiredService<GraderDbContext>();
    private byte[] _chunk = [];
    private int _offset;
    private int _next;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => blob.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset == _chunk.Length)
        {
            if (_position >= blob.Length || buffer.Length == 0)
            {
                return 0;
            }

            var index = _next++;
            _chunk = await _db.BlobChunks.AsNoTracking().Where(c => c.Content == blob.Content && c.Index == index)
                .Select(c => c.Data).SingleOrDefaultAsync(cancellationToken)
                ?? throw new IOException($"stored blob {blob.Key} lacks its chunk {index}");
            _offset = 0;
        }

        var count = Math.Min(buffer.Length, _chunk.Length - _offset);
        _chunk.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        _position += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            scope.Dispose();
        }

        base.Dispose(disposing);
    }
}
