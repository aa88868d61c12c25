using System.Security.Cryptography;
using Course.Grader.Storage;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Storage;

/// <summary>
/// The blob store in the course database, on SQLite and on a real PostgreSQL server: content goes in and out in
/// chunks under its SHA-256, equal content is kept once, and a put cut short leaves nothing behind.
/// </summary>
public sealed class DatabaseBlobStoreTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PutAsync_SeveralChunks_ReadBackByItsSha256(bool postgres)
    {
        await using var cluster = postgres ? await PostgresCluster.StartAsync() : null;
        using var course = await TestCourse.CreateAsync(connectionString: cluster?.ConnectionString);
        await using var services = course.Services();
        var store = services.GetRequiredService<IBlobStore>();
        var content = RandomNumberGenerator.GetBytes(DatabaseBlobStore.ChunkBytes * 3 + 12345);
        var before = await CountsAsync(course);

        var key = await store.PutAsync(new MemoryStream(content), CancellationToken.None);
        var again = await store.PutAsync(new MemoryStream(content), CancellationToken.None);
        await using var read = await store.OpenAsync(key, CancellationToken.None);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy, 4096);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), key);
        Assert.Equal(key, again);
        Assert.Equal(content, copy.ToArray());
        Assert.True(await store.ExistsAsync(key, CancellationToken.None));
        Assert.Equal((before.Blobs + 1, before.Chunks + 4), await CountsAsync(course));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PutAsync_LessThanOneChunkTwiceAndEmpty_KeptOnceAndReadBack(bool postgres)
    {
        await using var cluster = postgres ? await PostgresCluster.StartAsync() : null;
        using var course = await TestCourse.CreateAsync(connectionString: cluster?.ConnectionString);
        await using var services = course.Services();
        var store = services.GetRequiredService<IBlobStore>();
        var content = RandomNumberGenerator.GetBytes(DatabaseBlobStore.ChunkBytes - 1);
        var before = await CountsAsync(course);

        var key = await store.PutAsync(new MemoryStream(content), CancellationToken.None);
        var again = await store.PutAsync(new MemoryStream(content), CancellationToken.None);
        var empty = await store.PutAsync(new MemoryStream(), CancellationToken.None);
        await using var read = await store.OpenAsync(key, CancellationToken.None);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy, 4096);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), key);
        Assert.Equal(key, again);
        Assert.Equal(content, copy.ToArray());
        Assert.Equal("", await store.ReadTextAsync(empty, CancellationToken.None));
        Assert.Equal((before.Blobs + 2, before.Chunks + 1), await CountsAsync(course));
    }

    [Fact]
    public async Task OpenAsync_UnknownOrMalformedKey_Null()
    {
        using var course = await TestCourse.CreateAsync();
        await using var services = course.Services();
        var store = services.GetRequiredService<IBlobStore>();

        Assert.Null(await store.OpenAsync(new string('a', 64), CancellationToken.None));
        Assert.Null(await store.OpenAsync("../../etc/passwd", CancellationToken.None));
        Assert.False(await store.ExistsAsync("' OR 1=1 --", CancellationToken.None));
    }

    [Fact]
    public async Task PutAsync_StreamFailsAfterTwoChunks_LeavesNoBlobAndNoChunk()
    {
        using var course = await TestCourse.CreateAsync();
        await using var services = course.Services();
        var store = services.GetRequiredService<IBlobStore>();
        var before = await CountsAsync(course);

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync(new FailingStream(DatabaseBlobStore.ChunkBytes * 2 + 10), CancellationToken.None));

        Assert.Equal(before, await CountsAsync(course));
    }

    [Fact]
    public async Task PutFolderAsync_Tree_MaterializesTheSameFiles()
    {
        using var course = await TestCourse.CreateAsync();
        var folder = Path.Combine(course.Directory, "tree");
        Directory.CreateDirectory(Path.Combine(folder, "src", "deep"));
        await File.WriteAllTextAsync(Path.Combine(folder, "run.sh"), "echo hi\n");
        await File.WriteAllBytesAsync(Path.Combine(folder, "src", "deep", "data.bin"), RandomNumberGenerator.GetBytes(DatabaseBlobStore.ChunkBytes + 1));
        await using var services = course.Services();

        var key = await services.GetRequiredService<IBlobStore>().PutFolderAsync(folder, CancellationToken.None);
        var copy = await course.UnpackAsync(key);

        Assert.Equal("echo hi\n", await File.ReadAllTextAsync(Path.Combine(copy, "run.sh")));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, "src", "deep", "data.bin")),
            await File.ReadAllBytesAsync(Path.Combine(copy, "src", "deep", "data.bin")));
        Assert.Equal(2, Directory.GetFiles(copy, "*", SearchOption.AllDirectories).Length);
    }

    private static async Task<(int Blobs, int Chunks)> CountsAsync(TestCourse course) =>
        (await course.CountAsync<StoredBlob>(), await course.CountAsync<BlobChunk>());

    /// <summary>Gives <paramref name="good"/> zero bytes, then fails as a dropped connection does.</summary>
    private sealed class FailingStream(long good) : Stream
    {
        private long _given;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _given; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_given >= good)
            {
                throw new IOException("connection reset");
            }

            var n = (int)Math.Min(count, good - _given);
            Array.Clear(buffer, offset, n);
            _given += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
