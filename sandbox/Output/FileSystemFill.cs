namespace Course.Sandbox.Output;

/// <summary>Size and inodes of a file system, and how many of each are free.</summary>
internal sealed record FileSystemFill(long TotalBytes, long FreeBytes, long TotalInodes, long FreeInodes)
{
    public long UsedBytes => TotalBytes - FreeBytes;
}
