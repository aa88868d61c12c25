namespace Course.Grader.Tests.Support;

/// <summary>Where a test's blob store keeps its files.</summary>
public enum BlobPlace
{
    Sqlite,
    Postgres,
    S3,
}
