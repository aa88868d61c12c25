using System.Buffers;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Storage;

/// <summary>
/// The blob store in the course database (tables <c>grader_blobs</c> and <c>grader_blob_chunks</c>), on SQLite
/// and PostgreSQL alike. Each operation uses a context of its own, so a put never saves a caller's pending changes.
/// Content of one chunk or less is written with its row in one transaction, and not at all when it is stored already;
/// larger content is written a chunk at a time under a fresh content id and the blob row last: a put cut short
/// leaves no blob, and of two puts of the same content the second drops its chunks.
/// </summary>
internal sealed class DatabaseBlobStore(IServiceScopeFactory scopes, TimeProvider time) : IBlobStore
{
    /// <summary>Bytes per chunk: large enough that a chunk costs one round trip, small enough to hold one in memory.</summary>
    internal const int ChunkBytes = 1024 * 1024;

    public async Task<string> PutAsync(Stream content, CancellationToken cancellation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GraderDbContext>();
        using var intake = new BlobIntake(content);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var chunk = buffer.AsMemory(0, ChunkBytes);
            var read = await intake.FillAsync(chunk, cancellation);
            return read < ChunkBytes
                ? await PutWholeAsync(db, intake.Key(), chunk[..read].ToArray(), cancellation)
                : await PutChunkedAsync(db, intake, chunk, cancellation);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Content of less than one chunk (a feedback report, a run's /out, a metrics log: nearly every put): nothing is
    /// written when it is stored already, else its chunk and its row in one transaction, so a put costs one commit.
    /// </summary>
    private async Task<string> PutWholeAsync(GraderDbContext db, string key, byte[] data, CancellationToken cancellation)
    {
        if (await db.Blobs.AnyAsync(b => b.Key == key, cancellation))
        {
            return key;
        }

        var id = Guid.NewGuid();
        if (data.Length > 0)
        {
            db.BlobChunks.Add(new BlobChunk { Content = id, Index = 0, Data = data });
        }

        db.Blobs.Add(new StoredBlob { Key = key, Length = data.Length, Content = id, StoredAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellation);
        }
        catch (DbUpdateException) when (!cancellation.IsCancellationRequested)
        {
            // Another put of the same content won the race; nothing of ours was kept, and its chunk serves both.
            if (!await ExistsAsync(key, CancellationToken.None))
            {
                throw;
            }
        }

        return key;
    }

    private async Task<string> PutChunkedAsync(GraderDbContext db, BlobIntake intake, Memory<byte> chunk, CancellationToken cancellation)
    {
        var id = Guid.NewGuid();
        var (key, length) = await WriteChunksAsync(db, id, intake, chunk, cancellation);
        // Once the chunks are in, the blob is finished whatever is cancelled, so none is left without its row.
        if (!await db.Blobs.AnyAsync(b => b.Key == key, CancellationToken.None))
        {
            db.Blobs.Add(new StoredBlob { Key = key, Length = length, Content = id, StoredAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return key;
            }
            catch (DbUpdateException)
            {
                // Another put of the same content may have won the race: then its chunks serve both.
                await DropChunksAsync(db, id);
                if (await ExistsAsync(key, CancellationToken.None))
                {
                    return key;
                }

                throw;
            }
        }

        await DropChunksAsync(db, id);
        return key;
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellation)
    {
        var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GraderDbContext>();
        var blob = BlobKey.IsValid(key) ? await db.Blobs.AsNoTracking().SingleOrDefaultAsync(b => b.Key == key, cancellation) : null;
        if (blob is null)
        {
            await scope.DisposeAsync();
            return null;
        }

        return new BlobReadStream(scope, blob);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellation)
    {
        await using var scope = scopes.CreateAsyncScope();
        return BlobKey.IsValid(key) && await scope.ServiceProvider.GetRequiredService<GraderDbContext>().Blobs.AnyAsync(b => b.Key == key, cancellation);
    }

    /// <summary>Writes <paramref name="chunk"/>, a full first chunk, then the rest of the intake's content, a chunk per commit.</summary>
    private static async Task<(string Key, long Length)> WriteChunksAsync(GraderDbContext db, Guid id, BlobIntake intake, Memory<byte> chunk,
        CancellationToken cancellation)
    {
        try
        {
            for (var index = 0; ; index++)
            {
                var read = index == 0 ? ChunkBytes : await intake.FillAsync(chunk, cancellation);
                if (read == 0)
                {
                    break;
                }

                db.BlobChunks.Add(new BlobChunk { Content = id, Index = index, Data = chunk[..read].ToArray() });
                await db.SaveChangesAsync(cancellation);
                db.ChangeTracker.Clear();
                if (read < ChunkBytes)
                {
                    break;
                }
            }
        }
        catch
        {
            db.ChangeTracker.Clear();
            await DropChunksAsync(db, id);
            throw;
        }

        return (intake.Key(), intake.Length);
    }

    private static Task<int> DropChunksAsync(GraderDbContext db, Guid id) =>
        db.BlobChunks.Where(c => c.Content == id).ExecuteDeleteAsync(CancellationToken.None);
}
