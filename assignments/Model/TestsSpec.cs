namespace Course.Assignments.Model;

/// <summary>Hidden checks of a tests or debug assignment: each compares one output with the reference's.</summary>
public sealed record TestsSpec
{
    /// <summary>Folder (relative to course.json) with hidden inputs mounted at /data/inputs.</summary>
    public string? Inputs { get; init; }

    public IReadOnlyList<CheckSpec> Checks { get; init; } = [];
}

/// <summary>
/// One hidden check: the student's /out/{Output} must match the reference's within
/// <see cref="Tolerance"/> (absolute, per number). For debug assignments a check stands for one planted bug.
/// </summary>
public sealed record CheckSpec(string Name, string Output, double Points, double Tolerance = 1e-6, string? Description = null);
