namespace Course.Grader.Storage;

/// <summary>One piece of a blob's bytes, so a blob is streamed in and out a chunk at a time and never held whole.</summary>
public sealed class BlobChunk
{
    public required Guid Content { get; init; }

    public required int Index { get; init; }

    public required byte[] Data { get; init; }
}
