using System.Text.RegularExpressions;

namespace Course.Architecture.Tests;

/// <summary>
/// The repository's documents and code cite only documents that exist in it: every relative
/// Markdown link resolves, and every Markdown file named in capitals (the project's documents) is a file of the repository.
/// </summary>
public sealed partial class DocumentLinkTests
{
    private static readonly string Root = FindRoot();

    private static readonly string[] Skipped = ["/bin/", "/obj/", "/.git/", "/node_modules/", "/TestResults/"];

    [Fact]
    public void MarkdownLinks_PointAtFilesThatExist()
    {
        var broken = Files("*.md")
            .SelectMany(file => MarkdownLink().Matches(File.ReadAllText(file))
                .Select(match => match.Groups["target"].Value)
                .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#') && !target.StartsWith("mailto:", StringComparison.Ordinal))
                .Where(target => !Exists(Path.GetDirectoryName(file)!, target.Split('#')[0]))
                .Select(target => $"{Relative(file)} -> {target}"))
            .ToList();

        Assert.Empty(broken);
    }

    [Fact]
    public void CitedDocuments_ExistInTheRepository()
    {
        var documents = Files("*.md").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var missing = new[] { "*.cs", "*.md", "*.sh", "*.json", "*.props", "*.csproj" }.SelectMany(Files)
            .SelectMany(file => CitedDocument().Matches(File.ReadAllText(file))
                .Select(match => match.Groups["name"].Value)
                .Where(name => !documents.Contains(name))
                .Select(name => $"{Relative(file)} cites {name}"))
            .Distinct()
            .ToList();

        Assert.Empty(missing);
    }

    private static bool Exists(string folder, string target) =>
        target.Length == 0 || File.Exists(Path.Combine(folder, target)) || Directory.Exists(Path.Combine(folder, target));

    private static IEnumerable<string> Files(string pattern) =>
        Directory.EnumerateFiles(Root, pattern, SearchOption.AllDirectories)
            .Where(file => !Skipped.Any(skip => file.Replace('\\', '/').Contains(skip, StringComparison.Ordinal)));

    private static string Relative(string file) => Path.GetRelativePath(Root, file);

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Course.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Course.sln not found above the test's folder");
    }

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\b(?<name>[A-Z][A-Z_]+\.md)\b")]
    private static partial Regex CitedDocument();
}
