namespace Course.Grader.Storage;

/// <summary>
/// Content-addressed storage for every file grading keeps: a blob is put as a stream and named by the lower-case
/// hex SHA-256 of its bytes, so equal content is kept once and a key never changes meaning. By default the blobs
/// live in the course database (<see cref="DatabaseBlobStore"/>): a worker or a server needs nothing but the
/// database to reach them.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores <paramref name="content"/> (read to its end, a chunk at a time) and returns its key.</summary>
    Task<string> PutAsync(Stream content, CancellationToken cancellation);

    /// <summary>A read-only stream of the blob's bytes; null when no blob has that key.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellation);

    Task<bool> ExistsAsync(string key, CancellationToken cancellation);
}
