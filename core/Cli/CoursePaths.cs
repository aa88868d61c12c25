namespace Course.Core.Cli;

/// <summary>Where the course lives: its course.json and the folder beside it (database, outputs).</summary>
/// <param name="CourseFile">Full path of course.json (it may not exist yet).</param>
public sealed record CoursePaths(string CourseFile)
{
    public string Directory => Path.GetDirectoryName(Path.GetFullPath(CourseFile))!;

    /// <summary>Resolves a path written in course.json relative to the course's folder.</summary>
    public string Resolve(string relative) => Path.GetFullPath(Path.Combine(Directory, relative));
}
