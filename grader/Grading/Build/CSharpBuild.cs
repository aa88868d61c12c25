using Course.Assignments.Model;

namespace Course.Grader.Grading.Build;

/// <summary>
/// How a C# submission runs when its assignment has a <c>build</c> section: on the build image, as
/// <c>course-dotnet-run COMMAND...</c> (the image's wrapper builds /submission offline, then runs the
/// assignment's command), with the course's package folder mounted read-only at <c>/nuget</c>. One run, so
/// the build counts against the job's own limits and the built program never leaves the container.
/// </summary>
internal sealed record CSharpBuild(string Image, string Packages)
{
    /// <summary>The wrapper every build image provides (the course-dotnet recipe writes it); the image is read-only.</summary>
    public const string Wrapper = "course-dotnet-run";

    /// <summary>Where the package folder appears in the container (the wrapper's nuget.config names it).</summary>
    public const string PackagesTarget = "/nuget";

    /// <summary>
    /// The build for a submission with a C# project (<c>*.csproj</c>, a file, not a link) at its root that
    /// asks for no image with <see cref="ImageChoice.FileName"/>; null when the assignment builds nothing or the
    /// submission is something else (a Python entry). Throws <see cref="CourseSetupException"/> when the
    /// course's package folder is missing, which is the course's set-up, never the student's doing.
    /// </summary>
    public static CSharpBuild? For(AssignmentSpec assignment, string snapshot, Func<string, string> resolve)
    {
        if (assignment.Build is not { } build || File.Exists(Path.Combine(snapshot, ImageChoice.FileName))
            || !Directory.EnumerateFiles(snapshot, "*.csproj").Any(file => new FileInfo(file).LinkTarget is null))
        {
            return null;
        }

        var packages = resolve(build.Packages);
        return Directory.Exists(packages) && Directory.EnumerateDirectories(packages).Any()
            ? new CSharpBuild(build.Image, packages)
            : throw new CourseSetupException(
                $"the package folder of {assignment.Id}'s C# builds ({packages}) is missing or empty: run scripts/packages.sh");
    }

    public IReadOnlyList<string> Command(IReadOnlyList<string> command) => [Wrapper, .. command];

    public SandboxMount Mount => new(Packages, PackagesTarget);
}
