namespace Course.Assignments.Model;

/// <summary>A read-only data set on the host, mounted into containers at /data/{Name}.</summary>
public sealed record DatasetSpec(string Name, string Path, string? Package = null);
