using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Course.Grader.Grading;

namespace Course.Grader.Storage;

/// <summary>
/// The blob store in a bucket of Amazon S3 or an S3-compatible server (<see cref="StorageSettings"/>): blob
/// <c>K</c> is the object <c>blobs/K</c>. A blob shorter than one part is hashed in memory and put once; a longer
/// one is hashed while it is spooled to the scratch folder (its key is known only at its end) and then goes up
/// part by part, a multipart upload straight to its key. A key already in the bucket is never written again, and
/// an object under <c>blobs/</c> is always whole: S3 shows a multipart upload only once it is complete.
/// </summary>
internal sealed class S3BlobStore(StorageSettings settings, GradingPaths paths) : IBlobStore, IDisposable
{
    /// <summary>Bytes per part: above S3's 5 MiB minimum for every part but the last, and one part is held in memory.</summary>
    internal const int PartBytes = 8 * 1024 * 1024;

    private readonly AmazonS3Client _client = S3Connection.Client(settings);
    private readonly S3Errors _errors = new(settings);
    private readonly string _bucket = settings.Bucket!;

    public async Task<string> PutAsync(Stream content, CancellationToken cancellation)
    {
        using var intake = new BlobIntake(content);
        var part = new byte[PartBytes];
        var read = await intake.FillAsync(part, cancellation);
        if (read < PartBytes)
        {
            var key = intake.Key();
            if (!await ExistsAsync(key, cancellation))
            {
                await _errors.Guard("store a file", () => _client.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = _bucket,
                    Key = ObjectKey(key),
                    InputStream = new MemoryStream(part, 0, read, writable: false),
                    UseChunkEncoding = false,
                }, cancellation));
            }

            return key;
        }

        var folder = paths.Staging();
        Directory.CreateDirectory(folder);
        try
        {
            await using var spool = new FileStream(Path.Combine(folder, "blob"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            for (; read > 0; read = read == PartBytes ? await intake.FillAsync(part, cancellation) : 0)
            {
                await spool.WriteAsync(part.AsMemory(0, read), cancellation);
            }

            var key = intake.Key();
            if (!await ExistsAsync(key, cancellation))
            {
                spool.Position = 0;
                await UploadPartsAsync(ObjectKey(key), spool, part, cancellation);
            }

            return key;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellation)
    {
        if (!BlobKey.IsValid(key))
        {
            return null;
        }

        try
        {
            return new S3ReadStream(await _client.GetObjectAsync(_bucket, ObjectKey(key), cancellation));
        }
        catch (AmazonS3Exception error) when (error.ErrorCode == "NoSuchKey")
        {
            return null;
        }
        catch (Exception error) when (_errors.Translate(error, "read a file") is { } failure)
        {
            throw failure;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellation)
    {
        if (!BlobKey.IsValid(key))
        {
            return false;
        }

        // A listing, not a HEAD: a HEAD's 404 cannot tell a missing key from a missing bucket.
        var objectKey = ObjectKey(key);
        var listing = await _errors.Guard("look up a file", () => _client.ListObjectsV2Async(
            new ListObjectsV2Request { BucketName = _bucket, Prefix = objectKey, MaxKeys = 1 }, cancellation));
        return listing.S3Objects?.Any(o => o.Key == objectKey) == true;
    }

    public void Dispose() => _client.Dispose();

    private static string ObjectKey(string key) => $"blobs/{key}";

    /// <summary>Uploads <paramref name="spool"/> from its position as the parts of <paramref name="objectKey"/>, through <paramref name="part"/>.</summary>
    private async Task UploadPartsAsync(string objectKey, Stream spool, byte[] part, CancellationToken cancellation)
    {
        var upload = await _errors.Guard("start an upload", () => _client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = _bucket, Key = objectKey }, cancellation));
        try
        {
            var parts = new List<PartETag>();
            for (var number = 1; await spool.ReadAtLeastAsync(part, PartBytes, throwOnEndOfStream: false, cancellation) is var read and > 0; number++)
            {
                var request = new UploadPartRequest
                {
                    BucketName = _bucket,
                    Key = objectKey,
                    UploadId = upload.UploadId,
                    PartNumber = number,
                    PartSize = read,
                    InputStream = new MemoryStream(part, 0, read, writable: false),
                    UseChunkEncoding = false,
                };
                var uploaded = await _errors.Guard("upload a part", () => _client.UploadPartAsync(request, cancellation));
                parts.Add(new PartETag(number, uploaded.ETag));
            }

            // Every part is up: the blob is finished whatever is cancelled now.
            await _errors.Guard("finish an upload", () => _client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = _bucket, Key = objectKey, UploadId = upload.UploadId, PartETags = parts },
                CancellationToken.None));
        }
        catch
        {
            await AbortAsync(objectKey, upload.UploadId);
            throw;
        }
    }

    private async Task AbortAsync(string objectKey, string uploadId)
    {
        try
        {
            await _client.AbortMultipartUploadAsync(_bucket, objectKey, uploadId, CancellationToken.None);
        }
        catch (Exception error) when (error is AmazonServiceException or HttpRequestException)
        {
            // The put fails with its own error; parts the store could not drop now go with the bucket's lifecycle
            // rule for incomplete uploads (docs/DEPLOYMENT.md). They are never a blob.
        }
    }
}
