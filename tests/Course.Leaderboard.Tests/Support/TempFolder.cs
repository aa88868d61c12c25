using System.Text;

namespace Course.Leaderboard.Tests.Support;

/// <summary>A folder of its own per test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "leaderboard-test-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="content"/> as UTF-8 without a BOM (tests add one explicitly).</summary>
    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
