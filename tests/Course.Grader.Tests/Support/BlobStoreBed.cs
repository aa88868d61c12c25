using Course.Grader.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Support;

/// <summary>
/// A course whose blob store is in one of the places a course can keep it: its SQLite file, a real PostgreSQL
/// server, or a bucket of a real S3-compatible server (<see cref="S3Server"/>). Everything it started is stopped
/// and deleted on dispose.
/// </summary>
internal sealed class BlobStoreBed : IAsyncDisposable
{
    private readonly PostgresCluster? _cluster;
    private readonly ServiceProvider _services;

    private BlobStoreBed(TestCourse course, PostgresCluster? cluster, S3Server? s3)
    {
        Course = course;
        _cluster = cluster;
        S3 = s3;
        _services = course.Services();
        Store = _services.GetRequiredService<IBlobStore>();
    }

    public TestCourse Course { get; }

    public S3Server? S3 { get; }

    public IBlobStore Store { get; }

    /// <summary>The bytes the store reads and writes at a time: a database chunk, an S3 part.</summary>
    public int PartBytes => S3 is null ? DatabaseBlobStore.ChunkBytes : S3BlobStore.PartBytes;

    public static async Task<BlobStoreBed> StartAsync(BlobPlace place)
    {
        PostgresCluster? cluster = null;
        S3Server? s3 = null;
        TestCourse? course = null;
        try
        {
            cluster = place == BlobPlace.Postgres ? await PostgresCluster.StartAsync() : null;
            s3 = place == BlobPlace.S3 ? await S3Server.StartAsync() : null;
            course = await TestCourse.CreateAsync(connectionString: cluster?.ConnectionString);
            s3?.Serve(course);
            return new BlobStoreBed(course, cluster, s3);
        }
        catch
        {
            course?.Dispose();
            await (s3?.DisposeAsync() ?? ValueTask.CompletedTask);
            await (cluster?.DisposeAsync() ?? ValueTask.CompletedTask);
            throw;
        }
    }

    /// <summary>What holds blobs now: rows of <c>grader_blobs</c> and <c>grader_blob_chunks</c>, or objects in the bucket.</summary>
    public async Task<int> PiecesAsync() =>
        S3 is null ? await Course.CountAsync<StoredBlob>() + await Course.CountAsync<BlobChunk>() : S3.Objects().Count;

    /// <summary>How many pieces one blob of <paramref name="length"/> bytes adds: its row and chunks, or one object.</summary>
    public int PiecesOf(long length) => S3 is null ? 1 + (int)((length + DatabaseBlobStore.ChunkBytes - 1) / DatabaseBlobStore.ChunkBytes) : 1;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _services.DisposeAsync();
            Course.Dispose();
        }
        finally
        {
            await (S3?.DisposeAsync() ?? ValueTask.CompletedTask);
            await (_cluster?.DisposeAsync() ?? ValueTask.CompletedTask);
        }
    }
}
