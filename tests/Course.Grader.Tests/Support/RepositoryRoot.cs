namespace Course.Grader.Tests.Support;

/// <summary>The checkout the tests run from: the folder above the test output that holds Course.sln.</summary>
internal static class RepositoryRoot
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Course.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no Course.sln above {AppContext.BaseDirectory}");
    }
}
