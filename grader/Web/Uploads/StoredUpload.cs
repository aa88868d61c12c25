namespace Course.Grader.Web.Uploads;

/// <summary>
/// An uploaded file in scratch space while it is scored; its folder is deleted on dispose, whatever happened
/// (a recorded upload is kept in the store by then).
/// </summary>
internal sealed class StoredUpload(string path) : IDisposable
{
    public string Path { get; } = path;

    public long Length => new FileInfo(Path).Length;

    public void Dispose() => Grading.Scratch.Delete(System.IO.Path.GetDirectoryName(Path)!);
}
