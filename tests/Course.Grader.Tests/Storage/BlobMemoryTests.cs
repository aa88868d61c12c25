using System.Security.Cryptography;
using Course.Core.Errors;
using Course.Grader.Storage;
using Course.Grader.Tests.Support;
using Xunit.Abstractions;

namespace Course.Grader.Tests.Storage;

/// <summary>
/// A blob far larger than a part goes into the S3 store and comes back out without being held whole: what the
/// process allocates meanwhile stays a fraction of the blob; one over the size limit is refused and leaves nothing.
/// Runs alone, so no other test's allocations count and only one spools a gigabyte at a time.
/// </summary>
[Collection(nameof(BlobMemoryTests))]
[CollectionDefinition(nameof(BlobMemoryTests), DisableParallelization = true)]
public sealed class BlobMemoryTests(ITestOutputHelper output)
{
    private const long BlobBytes = 256L * 1024 * 1024;

    [Fact(Timeout = 300_000)]
    public async Task PutAndOpen_QuarterGigabyte_AllocatesUnderAQuarterOfIt()
    {
        await using var bed = await BlobStoreBed.StartAsync(BlobPlace.S3);
        using var source = new GeneratedStream(BlobBytes);
        using var sink = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var key = await bed.Store.PutAsync(source, CancellationToken.None);
        await using (var read = await bed.Store.OpenAsync(key, CancellationToken.None))
        {
            var buffer = new byte[81920];
            for (int n; (n = await read!.ReadAsync(buffer)) > 0;)
            {
                sink.AppendData(buffer, 0, n);
            }
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"putting and reading {BlobBytes:N0} bytes allocated {allocated:N0} bytes");
        Assert.Equal(source.Key(), key);
        Assert.Equal(key, Convert.ToHexStringLower(sink.GetHashAndReset()));
        Assert.Equal(BlobBytes, bed.S3!.Objects()[$"blobs/{key}"]);
        Assert.True(allocated < BlobBytes / 4, $"putting and reading {BlobBytes:N0} bytes allocated {allocated:N0} bytes");
    }

    [Fact(Timeout = 300_000)]
    public async Task PutAsync_OverTheSizeLimit_RefusedWithNoObjectAndNoSpoolLeft()
    {
        await using var bed = await BlobStoreBed.StartAsync(BlobPlace.S3);
        using var source = new GeneratedStream(BlobIntake.MaxBlobBytes + 1);

        var failure = await Assert.ThrowsAsync<WorkFailedException>(() => bed.Store.PutAsync(source, CancellationToken.None));

        Assert.Equal($"a stored file is larger than the store's limit of {BlobIntake.MaxBlobBytes:N0} bytes", failure.Message);
        Assert.Empty(bed.S3!.Objects());
        var scratch = Path.Combine(bed.Course.Directory, "grading");
        Assert.Empty(Directory.Exists(scratch) ? Directory.GetFiles(scratch, "*", SearchOption.AllDirectories) : []);
    }

    /// <summary><paramref name="length"/> random bytes made as they are read, never held; their SHA-256 is kept.</summary>
    private sealed class GeneratedStream(long length) : MadeStream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override long Length => length;

        public string Key() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        protected override int Fill(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - Given);
            RandomNumberGenerator.Fill(buffer[..n]);
            _hash.AppendData(buffer[..n]);
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
