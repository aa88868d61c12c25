namespace Course.Grader.Web.Uploads;

/// <summary>
/// An uploaded file on disk that is deleted on dispose unless the leaderboard recorded it
/// (<see cref="Keep"/>): a refusal, a repeated key or a failure on the way leaves no file behind.
/// </summary>
internal sealed class StoredUpload(string path) : IDisposable
{
    private bool _kept;

    public string Path { get; } = path;

    public long Length => new FileInfo(Path).Length;

    public void Keep() => _kept = true;

    public void Dispose()
    {
        if (!_kept)
        {
            File.Delete(Path);
        }
    }
}
