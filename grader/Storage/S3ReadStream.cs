using Amazon.S3.Model;

namespace Course.Grader.Storage;

/// <summary>A blob's bytes as the store sends them (one GET, read as it arrives); owns the response until it is disposed.</summary>
internal sealed class S3ReadStream(GetObjectResponse response) : ForwardReadStream(response.ContentLength)
{
    private readonly Stream _body = response.ResponseStream;

    protected override ValueTask<int> ReadNextAsync(Memory<byte> buffer, CancellationToken cancellation) => _body.ReadAsync(buffer, cancellation);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            response.Dispose();
        }

        base.Dispose(disposing);
    }
}
