using System.Text.Json.Nodes;
using Course.Assignments.Tests.Support;
using Course.Assignments.Validation;

namespace Course.Assignments.Tests.Validation;

public sealed class CourseLoaderTests
{
    private static readonly string BrokenFolder = Path.Combine(AppContext.BaseDirectory, "Validation", "BrokenCourses");

    public static TheoryData<string> BrokenVariants() =>
        new(Directory.GetFiles(BrokenFolder, "*.json").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Fact]
    public void TryLoad_DemoCourse_HasNoProblems()
    {
        var (course, problems) = CourseLoader.TryLoad(RepositoryFiles.DemoCourse);

        Assert.Empty(problems);
        Assert.NotNull(course);
        Assert.Contains(course.Assignments, a => a.Kind == Course.Assignments.Model.AssignmentKind.Competition);
    }

    [Theory]
    [MemberData(nameof(BrokenVariants))]
    public void TryLoad_BrokenVariant_ReportsPathAndReason(string variant)
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(BrokenFolder, variant + ".json")))!;
        var course = JsonNode.Parse(File.ReadAllText(RepositoryFiles.DemoCourse))!;
        foreach (var operation in spec["patch"]!.AsArray())
        {
            JsonPatch.Apply(course, operation!);
        }

        using var folder = new TempCourse(course.ToJsonString());

        var (_, problems) = CourseLoader.TryLoad(folder.CourseFile);

        var expected = spec["expect"]!.GetValue<string>();
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)),
            $"expected a problem containing \"{expected}\", got:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void TryLoad_SyntaxError_NamesLineAndColumn()
    {
        var (course, problems) = CourseLoader.TryLoad(Path.Combine(AppContext.BaseDirectory, "Validation", "syntax-error.course.json"));

        Assert.Null(course);
        var problem = Assert.Single(problems);
        Assert.Contains("line 5, column 5", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_SeveralProblems_ReportsEveryOne()
    {
        var course = JsonNode.Parse(File.ReadAllText(RepositoryFiles.DemoCourse))!;
        course["timeZone"] = "Nowhere/Else";
        course["assignments"]![0]!["limits"]!["cpus"] = 0;
        course["assignments"]![1]!["competition"]!["dailyLimit"] = 0;
        using var folder = new TempCourse(course.ToJsonString());

        var (_, problems) = CourseLoader.TryLoad(folder.CourseFile);

        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void TryLoad_MissingFile_SaysNotFound()
    {
        var (_, problems) = CourseLoader.TryLoad(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json"));

        Assert.Contains("course file not found", Assert.Single(problems), StringComparison.Ordinal);
    }
}
