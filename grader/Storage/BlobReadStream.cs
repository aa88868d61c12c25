using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Storage;

/// <summary>
/// A stored blob read a chunk at a time, each chunk fetched when the reader reaches it; owns the scope (and the
/// database context) it reads with until it is disposed.
/// </summary>
internal sealed class BlobReadStream(AsyncServiceScope scope, StoredBlob blob) : ForwardReadStream(blob.Length)
{
    private readonly GraderDbContext _db = scope.ServiceProvider.GetRequiredService<GraderDbContext>();
    private byte[] _chunk = [];
    private int _offset;
    private int _next;

    protected override async ValueTask<int> ReadNextAsync(Memory<byte> buffer, CancellationToken cancellation)
    {
        if (_offset == _chunk.Length)
        {
            if (Position >= blob.Length || buffer.Length == 0)
            {
                return 0;
            }

            var index = _next++;
            _chunk = await _db.BlobChunks.AsNoTracking().Where(c => c.Content == blob.Content && c.Index == index)
                .Select(c => c.Data).SingleOrDefaultAsync(cancellation)
                ?? throw new IOException($"stored blob {blob.Key} lacks its chunk {index}");
            _offset = 0;
        }

        var count = Math.Min(buffer.Length, _chunk.Length - _offset);
        _chunk.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

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
