namespace Course.Grader.Tests.Intake.GitHub;

/// <summary>The recorded GitHub data under tests/fixtures/octokit (see its README).</summary>
internal static class Fixtures
{
    public static string Root { get; } = Find();

    public static string Scenario(string name) => Path.Combine(Root, "scenarios", name + ".json");

    public static string Webhook(string name) => Path.Combine(Root, "webhooks", name + ".json");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "fixtures", "octokit");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/fixtures/octokit not found above {AppContext.BaseDirectory}");
    }
}
