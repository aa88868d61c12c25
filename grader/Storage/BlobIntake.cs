using System.Security.Cryptography;
using Course.Core.Errors;

namespace Course.Grader.Storage;

/// <summary>
/// The content a put reads, a buffer at a time: hashed as it goes (the blob's key is known only at its end) and
/// stopped at the store's size limit, so every store reads the same way and none holds a blob whole.
/// </summary>
internal sealed class BlobIntake(Stream content) : IDisposable
{
    /// <summary>
    /// No blob is larger: above every cap of what is stored (a snapshot's 512 MiB and its archive's headers,
    /// the sandbox's /out, a predictions file), so it only stops a runaway stream.
    /// </summary>
    internal const long MaxBlobBytes = 1024L * 1024 * 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Bytes read so far.</summary>
    public long Length { get; private set; }

    /// <summary>Fills <paramref name="buffer"/> from the content; fewer bytes than its length only at the end (0 once it is over).</summary>
    public async Task<int> FillAsync(Memory<byte> buffer, CancellationToken cancellation)
    {
        var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellation);
        Length += read;
        if (Length > MaxBlobBytes)
        {
            throw new WorkFailedException($"a stored file is larger than the store's limit of {MaxBlobBytes:N0} bytes");
        }

        _hash.AppendData(buffer.Span[..read]);
        return read;
    }

    /// <summary>The key of everything read: its lower-case hex SHA-256. Call once, after the last fill.</summary>
    public string Key() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}
