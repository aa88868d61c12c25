using Course.Core.Errors;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Storage;

/// <summary>
/// The step of <c>grader db migrate</c> for a course whose store is now an S3 bucket: copies every blob the course
/// database holds into the bucket under the same key, streamed, so the records that name them read them there.
/// Idempotent: a key already in the bucket is skipped. The database keeps its copies (nothing reads them while the
/// bucket is configured), so a copy cut short loses nothing.
/// </summary>
internal sealed class DatabaseBlobsCopy(GraderDbContext db, IBlobStore store, IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>Copies what the bucket lacks; returns how many blobs it copied (0 when the store is the database).</summary>
    public async Task<int> CopyAsync(CancellationToken cancellation)
    {
        if (store is not S3BlobStore)
        {
            return 0;
        }

        var database = new DatabaseBlobStore(scopes, time);
        var copied = 0;
        foreach (var key in await db.Blobs.AsNoTracking().Select(b => b.Key).OrderBy(k => k).ToListAsync(cancellation))
        {
            if (await store.ExistsAsync(key, cancellation))
            {
                continue;
            }

            await using var content = await database.OpenAsync(key, cancellation)
                ?? throw new WorkFailedException($"blob {key} left the course database while it was copied");
            var stored = await store.PutAsync(content, cancellation);
            if (stored != key)
            {
                throw new WorkFailedException($"blob {key} of the course database reads back as {stored}: its chunks are damaged, so it was not copied");
            }

            copied++;
        }

        return copied;
    }
}
