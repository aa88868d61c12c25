using System.Security.Cryptography;
using Course.Grader.Storage;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.Storage;

/// <summary>
/// Every place a course can keep its blob store behaves the same: its SQLite file, a real PostgreSQL server and a
/// bucket of a real S3-compatible server. Content goes in and out a part at a time under its SHA-256, equal content
/// is kept once, and a put cut short leaves nothing behind.
/// </summary>
public sealed class BlobStoreTests
{
    [Theory(Timeout = 120_000)]
    [InlineData(BlobPlace.Sqlite)]
    [InlineData(BlobPlace.Postgres)]
    [InlineData(BlobPlace.S3)]
    public async Task PutAsync_SeveralParts_ReadBackByItsSha256(BlobPlace place)
    {
        await using var bed = await BlobStoreBed.StartAsync(place);
        var content = RandomNumberGenerator.GetBytes(bed.PartBytes * 3 + 12345);
        var before = await bed.PiecesAsync();

        var key = await bed.Store.PutAsync(new MemoryStream(content), CancellationToken.None);
        var again = await bed.Store.PutAsync(new MemoryStream(content), CancellationToken.None);
        await using var read = await bed.Store.OpenAsync(key, CancellationToken.None);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy, 4096);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), key);
        Assert.Equal(key, again);
        Assert.Equal(content, copy.ToArray());
        Assert.True(await bed.Store.ExistsAsync(key, CancellationToken.None));
        Assert.Equal(before + bed.PiecesOf(content.Length), await bed.PiecesAsync());
    }

    [Theory(Timeout = 120_000)]
    [InlineData(BlobPlace.Sqlite)]
    [InlineData(BlobPlace.Postgres)]
    [InlineData(BlobPlace.S3)]
    public async Task PutAsync_LessThanOnePartTwiceAndEmpty_KeptOnceAndReadBack(BlobPlace place)
    {
        await using var bed = await BlobStoreBed.StartAsync(place);
        var content = RandomNumberGenerator.GetBytes(bed.PartBytes - 1);
        var before = await bed.PiecesAsync();

        var key = await bed.Store.PutAsync(new MemoryStream(content), CancellationToken.None);
        var again = await bed.Store.PutAsync(new MemoryStream(content), CancellationToken.None);
        var empty = await bed.Store.PutAsync(new MemoryStream(), CancellationToken.None);
        await using var read = await bed.Store.OpenAsync(key, CancellationToken.None);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy, 4096);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), key);
        Assert.Equal(key, again);
        Assert.Equal(content, copy.ToArray());
        Assert.Equal("", await bed.Store.ReadTextAsync(empty, CancellationToken.None));
        Assert.Equal(before + bed.PiecesOf(content.Length) + bed.PiecesOf(0), await bed.PiecesAsync());
    }

    [Theory(Timeout = 120_000)]
    [InlineData(BlobPlace.Sqlite)]
    [InlineData(BlobPlace.S3)]
    public async Task OpenAsync_UnknownOrMalformedKey_Null(BlobPlace place)
    {
        await using var bed = await BlobStoreBed.StartAsync(place);

        Assert.Null(await bed.Store.OpenAsync(new string('a', 64), CancellationToken.None));
        Assert.Null(await bed.Store.OpenAsync("../../etc/passwd", CancellationToken.None));
        Assert.False(await bed.Store.ExistsAsync(new string('a', 64), CancellationToken.None));
        Assert.False(await bed.Store.ExistsAsync("' OR 1=1 --", CancellationToken.None));
    }

    [Theory(Timeout = 120_000)]
    [InlineData(BlobPlace.Sqlite)]
    [InlineData(BlobPlace.S3)]
    public async Task PutAsync_StreamFailsAfterTwoParts_LeavesNothing(BlobPlace place)
    {
        await using var bed = await BlobStoreBed.StartAsync(place);
        var before = await bed.PiecesAsync();

        await Assert.ThrowsAsync<IOException>(() => bed.Store.PutAsync(new FailingStream(bed.PartBytes * 2 + 10), CancellationToken.None));

        Assert.Equal(before, await bed.PiecesAsync());
    }

    [Theory(Timeout = 120_000)]
    [InlineData(BlobPlace.Sqlite)]
    [InlineData(BlobPlace.S3)]
    public async Task PutFolderAsync_Tree_MaterializesTheSameFiles(BlobPlace place)
    {
        await using var bed = await BlobStoreBed.StartAsync(place);
        var folder = Path.Combine(bed.Course.Directory, "tree");
        Directory.CreateDirectory(Path.Combine(folder, "src", "deep"));
        await File.WriteAllTextAsync(Path.Combine(folder, "run.sh"), "echo hi\n");
        await File.WriteAllBytesAsync(Path.Combine(folder, "src", "deep", "data.bin"), RandomNumberGenerator.GetBytes(bed.PartBytes + 1));

        var key = await bed.Store.PutFolderAsync(folder, CancellationToken.None);
        var copy = await bed.Course.UnpackAsync(key);

        Assert.Equal("echo hi\n", await File.ReadAllTextAsync(Path.Combine(copy, "run.sh")));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, "src", "deep", "data.bin")),
            await File.ReadAllBytesAsync(Path.Combine(copy, "src", "deep", "data.bin")));
        Assert.Equal(2, Directory.GetFiles(copy, "*", SearchOption.AllDirectories).Length);
    }

    /// <summary>Gives <paramref name="good"/> zero bytes, then fails as a dropped connection does.</summary>
    private sealed class FailingStream(long good) : MadeStream
    {
        protected override int Fill(Span<byte> buffer)
        {
            if (Given >= good)
            {
                throw new IOException("connection reset");
            }

            var n = (int)Math.Min(buffer.Length, good - Given);
            buffer[..n].Clear();
            return n;
        }
    }
}
