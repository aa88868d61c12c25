namespace Course.Grader.Storage;

/// <summary>A predictions file uploaded over HTTP and recorded by the leaderboard, kept byte for byte in the store.</summary>
public sealed class KeptUpload
{
    /// <summary>The upload's id (its ticket's).</summary>
    public required string Id { get; init; }

    public required string Assignment { get; init; }

    /// <summary>The team (or login) it counts for; null for a file moved from a version that did not record it.</summary>
    public string? Uploader { get; init; }

    public required string Key { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}
