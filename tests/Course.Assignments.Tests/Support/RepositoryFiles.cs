namespace Course.Assignments.Tests.Support;

/// <summary>Finds the repository's files (the demo course) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string DemoCourse => Path.Combine(Root, "course.json");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Course.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Course.sln not found above the test output folder");
    }
}
