namespace Course.Assignments.Model;

/// <summary>
/// A read-only data set on the host, mounted into containers at /data/{Name}. When
/// <see cref="Files"/> is given only those files are mounted: a package folder that also holds
/// the test labels (Debian's fashion-mnist does) must never be mounted whole.
/// </summary>
public sealed record DatasetSpec(string Name, string Path, string? Package = null, IReadOnlyList<string>? Files = null)
{
    /// <summary>Host source and container target of each mount, with <paramref name="resolve"/> for relative paths.</summary>
    public IEnumerable<(string Source, string Target)> Mounts(Func<string, string> resolve)
    {
        var folder = resolve(Path);
        return Files is { Count: > 0 } files
            ? files.Select(file => (System.IO.Path.Combine(folder, file), $"/data/{Name}/{file}"))
            : [(folder, $"/data/{Name}")];
    }
}
