namespace Course.Grader.Storage;

/// <summary>
/// One blob of the course database's store: its SHA-256 key, its length and the chunks holding its bytes.
/// Written last, after every chunk, so a blob whose row exists is whole.
/// </summary>
public sealed class StoredBlob
{
    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Key { get; init; }

    public required long Length { get; init; }

    /// <summary>The <see cref="BlobChunk.Content"/> of its chunks (chunks are written before the key is known).</summary>
    public required Guid Content { get; init; }

    public required DateTimeOffset StoredAt { get; init; }
}
