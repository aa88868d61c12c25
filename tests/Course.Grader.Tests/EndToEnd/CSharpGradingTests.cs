using System.Text.Json;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.EndToEnd;

/// <summary>
/// Needs the Docker engine, the course-dotnet and course-torchsharp images, the course's package folder
/// (scripts/packages.sh) and the Fashion-MNIST package (scripts/test.sh prepares them all; the tests fail
/// without them): the C# starter pushed to a local repository, built offline inside the sandbox and
/// graded on a competition like hw2, with hw2's limits.
/// </summary>
public sealed class CSharpGradingTests
{
    private static readonly string Root = RepositoryRoot();
    private static readonly string Starter = Path.Combine(Root, "demo", "hw2", "starter", "csharp");

    [Fact(Timeout = 480_000)]
    public async Task GradeWait_CSharpStarter_BuiltInTheSandboxAndScored()
    {
        using var course = await CreateCourseAsync(Path.Combine(Root, "packages"), "ana");
        var repos = Repositories(course);
        // One epoch keeps the test short; the starter reads EPOCHS.
        GitRepos.CreateBare(repos, "hw2-ana", StarterFiles(("run.sh", "EPOCHS=1 exec dotnet /tmp/build/starter.dll\n")));
        Assert.Equal(0, (await course.RunAsync("fetch", "hw2", "--repos", repos)).Exit);

        var rows = await GradeAsync(course);

        var ana = rows["ana"];
        Assert.Equal(("succeeded", "graded"), (ana.GetProperty("state").GetString(), ana.GetProperty("verdict").GetString()));
        Assert.InRange(ana.GetProperty("score").GetDouble(), 0.7, 1.0);
        var feedback = await course.StoredTextAsync(ana.GetProperty("feedback").GetString());
        Assert.Contains("- Run: course-dotnet,", feedback);
        Assert.Contains("## Build", feedback);
        Assert.Matches(@"Built with `dotnet build` in the sandbox, offline, in \d+\.\d s; your program then ran for \d+\.\d s\.", feedback);
        Assert.Contains("Public leaderboard score (accuracy)", feedback);
        Assert.True((await course.StoredBytesAsync(ana.GetProperty("trainingCurve").GetString())).Length > 0, feedback);
    }

    [Fact(Timeout = 480_000)]
    public async Task GradeWait_CSharpThatDoesNotBuild_BuildErrorNamingFileLineOrPackage()
    {
        using var course = await CreateCourseAsync(Path.Combine(Root, "packages"), "bob", "carl");
        var repos = Repositories(course);
        var program = File.ReadAllLines(Path.Combine(Starter, "Program.cs"));
        var line = Array.FindIndex(program, l => l == "torch.set_num_threads(1);");
        Assert.True(line >= 0, "the starter has no 'torch.set_num_threads(1);' line any more: update this test");
        program[line] = "torch.set_num_threads(1)";
        GitRepos.CreateBare(repos, "hw2-bob", StarterFiles(("Program.cs", string.Join('\n', program) + "\n")));
        var project = File.ReadAllText(Path.Combine(Starter, "Starter.csproj"))
            .Replace("<ItemGroup>", """<ItemGroup><PackageReference Include="Newtonsoft.Json" Version="13.0.3" />""", StringComparison.Ordinal);
        GitRepos.CreateBare(repos, "hw2-carl", StarterFiles(("Starter.csproj", project)));
        Assert.Equal(0, (await course.RunAsync("fetch", "hw2", "--repos", repos)).Exit);

        var rows = await GradeAsync(course);

        var bob = rows["bob"];
        Assert.Equal(("succeeded", "buildError", 0.0), (bob.GetProperty("state").GetString(), bob.GetProperty("verdict").GetString(), bob.GetProperty("score").GetDouble()));
        var bobFeedback = await course.StoredTextAsync(bob.GetProperty("feedback").GetString());
        Assert.Contains($"- Program.cs:{line + 1}:25: CS1002 ; expected", bobFeedback);
        Assert.Contains("did not build", bobFeedback);
        Assert.DoesNotContain("/tmp/src", bobFeedback);
        Assert.DoesNotContain("## Training", bobFeedback);
        var carl = rows["carl"];
        Assert.Equal("buildError", carl.GetProperty("verdict").GetString());
        var carlFeedback = await course.StoredTextAsync(carl.GetProperty("feedback").GetString());
        Assert.Contains("The course's package folder has no Newtonsoft.Json 13.0.3 (asked for in Starter.csproj).", carlFeedback);
        Assert.Contains("torchsharp 0.107.0", carlFeedback);
    }

    [Fact(Timeout = 120_000)]
    public async Task GradeWait_PackageFolderMissing_InfrastructureFailureNeverCounted()
    {
        using var course = await CreateCourseAsync(Path.Combine(Path.GetTempPath(), "no-such-package-folder", Guid.NewGuid().ToString("N")), "dan");
        var repos = Repositories(course);
        GitRepos.CreateBare(repos, "hw2-dan", StarterFiles());
        Assert.Equal(0, (await course.RunAsync("fetch", "hw2", "--repos", repos)).Exit);

        var rows = await GradeAsync(course);

        Assert.Equal("infrastructureFailure", rows["dan"].GetProperty("verdict").GetString());
        Assert.Contains("scripts/packages.sh", await course.StoredTextAsync(rows["dan"].GetProperty("feedback").GetString()));
    }

    private static async Task<TestCourse> CreateCourseAsync(string packages, params string[] students)
    {
        var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: students);
        course.UseFastQueue(leaseSeconds: 30);
        var data = "/usr/share/datasets/fashion-mnist";
        Assert.True(File.Exists(Path.Combine(data, "train-images-idx3-ubyte.gz")), $"{data} is missing: run scripts/prerequisites.sh");
        await File.WriteAllTextAsync(course.CourseFile, $$"""
            {
              "name": "C# course", "term": "test", "timeZone": "UTC",
              "staff": [{ "login": "prof", "role": "instructor", "name": "Prof", "email": "prof@example.edu" }],
              "github": { "organization": "test-org", "repositoryPattern": "{assignment}-{login}" },
              "datasets": [{ "name": "fashion-mnist", "path": "{{data}}",
                "files": ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz"] }],
              "assignments": [{
                "id": "hw2", "title": "LeNet competition", "kind": "competition",
                "release": "2026-10-01T09:00", "deadline": "2099-01-01T00:00", "weight": 100,
                "image": "course-torchsharp", "command": ["sh", "/submission/run.sh"],
                "build": { "image": "course-dotnet", "packages": {{JsonSerializer.Serialize(packages)}} },
                "limits": { "cpus": 1, "memory": "1536m", "timeout": "10m", "pids": 256, "tmp": "512m" },
                "data": ["fashion-mnist"],
                "competition": { "metric": "accuracy", "solution": {{JsonSerializer.Serialize(Path.Combine(Root, "demo", "hw2", "solution.csv"))}},
                  "idColumn": "id", "targetColumns": ["label"], "publicFraction": 0.3, "splitSeed": 2026, "dailyLimit": 5, "finalSelections": 2 }
              }]
            }
            """);
        return course;
    }

    private static async Task<Dictionary<string, JsonElement>> GradeAsync(TestCourse course)
    {
        var (exit, output, error) = await course.RunAsync("grade", "hw2", "--wait", "--concurrency", "2", "--json");
        Assert.True(exit == 0, error);
        return JsonSerializer.Deserialize<JsonElement>(output).EnumerateArray().ToDictionary(r => r.GetProperty("owner").GetString()!);
    }

    private static string Repositories(TestCourse course)
    {
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        return repos;
    }

    /// <summary>The C# starter's files as a student's repository holds them, with some replaced.</summary>
    private static Dictionary<string, string> StarterFiles(params (string Name, string Content)[] changes)
    {
        var files = Directory.EnumerateFiles(Starter).ToDictionary(file => Path.GetFileName(file), File.ReadAllText);
        foreach (var (name, content) in changes)
        {
            files[name] = content;
        }

        return files;
    }

    private static string RepositoryRoot()
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
