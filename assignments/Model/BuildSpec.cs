namespace Course.Assignments.Model;

/// <summary>
/// How a C# submission is built before it runs: inside the sandbox, on <see cref="Image"/> (the SDK and
/// the grader's build wrapper), offline against the course's package folder <see cref="Packages"/>,
/// which the sandbox mounts read-only at <c>/nuget</c>. The build counts against the run's limits.
/// </summary>
public sealed record BuildSpec
{
    /// <summary>An <c>images build</c> recipe name, e.g. course-dotnet.</summary>
    public string Image { get; init; } = "";

    /// <summary>The NuGet package folder, relative to course.json (scripts/packages.sh fills it).</summary>
    public string Packages { get; init; } = "";
}
