namespace Course.Assignments.Tests.Support;

/// <summary>A course folder of its own per test, whose demo/ points at the repository's demo files.</summary>
internal sealed class TempCourse : IDisposable
{
    public TempCourse(string courseJson)
    {
        Directory.CreateDirectory(Folder);
        Directory.CreateSymbolicLink(Path.Combine(Folder, "demo"), Path.Combine(RepositoryFiles.Root, "demo"));
        File.WriteAllText(CourseFile, courseJson);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "course-test-" + Guid.NewGuid().ToString("N"));

    public string CourseFile => Path.Combine(Folder, "course.json");

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
