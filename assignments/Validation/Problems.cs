namespace Course.Assignments.Validation;

/// <summary>Collects "path: why" lines while a course is checked.</summary>
internal sealed class Problems
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public void Add(string path, string why) => _lines.Add($"{path}: {why}");

    public void Require(bool condition, string path, string why)
    {
        if (!condition)
        {
            Add(path, why);
        }
    }
}
