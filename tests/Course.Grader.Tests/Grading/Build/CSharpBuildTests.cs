using Course.Assignments.Model;
using Course.Grader.Grading;
using Course.Grader.Grading.Build;
using Course.Sandbox.Images;

namespace Course.Grader.Tests.Grading.Build;

public sealed class CSharpBuildTests : IDisposable
{
    private readonly string _snapshot = Directory.CreateTempSubdirectory("csharp-build-snapshot-").FullName;
    private readonly string _packages = Directory.CreateTempSubdirectory("csharp-build-packages-").FullName;
    private readonly AssignmentSpec _competition;

    public CSharpBuildTests()
    {
        Directory.CreateDirectory(Path.Combine(_packages, "torchsharp", "0.107.0"));
        _competition = new AssignmentSpec
        {
            Id = "hw2", Image = "course-torchsharp", Images = ["course-python"], Command = ["sh", "/submission/run.sh"],
            Build = new BuildSpec { Image = "course-dotnet", Packages = _packages },
        };
    }

    public void Dispose()
    {
        Directory.Delete(_snapshot, recursive: true);
        Directory.Delete(_packages, recursive: true);
    }

    [Fact]
    public void For_ProjectAtTheRoot_BuildImageWrapperAndReadOnlyPackages()
    {
        File.WriteAllText(Path.Combine(_snapshot, "Starter.csproj"), "<Project />");

        var build = CSharpBuild.For(_competition, _snapshot, Path.GetFullPath);

        Assert.NotNull(build);
        Assert.Equal("course-dotnet", build.Image);
        Assert.Equal(["course-dotnet-run", "sh", "/submission/run.sh"], build.Command(_competition.Command));
        Assert.Equal(new SandboxMount(_packages, "/nuget", ReadOnly: true), build.Mount);
    }

    [Fact]
    public void For_NotACSharpSubmission_NoBuild()
    {
        Directory.CreateDirectory(Path.Combine(_snapshot, "sub"));
        File.WriteAllText(Path.Combine(_snapshot, "sub", "Deep.csproj"), "<Project />");
        File.WriteAllText(Path.Combine(_snapshot, "train.py"), "");

        Assert.Null(CSharpBuild.For(_competition, _snapshot, Path.GetFullPath));
    }

    [Fact]
    public void For_CourseImageFile_TheStudentsChoiceWins()
    {
        File.WriteAllText(Path.Combine(_snapshot, "Starter.csproj"), "<Project />");
        File.WriteAllText(Path.Combine(_snapshot, ImageChoice.FileName), "course-python");

        Assert.Null(CSharpBuild.For(_competition, _snapshot, Path.GetFullPath));
    }

    [Fact]
    public void For_ProjectFileIsALink_NoBuild()
    {
        File.CreateSymbolicLink(Path.Combine(_snapshot, "Starter.csproj"), "/etc/passwd");

        Assert.Null(CSharpBuild.For(_competition, _snapshot, Path.GetFullPath));
    }

    [Fact]
    public void For_AssignmentWithoutBuild_NoBuild()
    {
        File.WriteAllText(Path.Combine(_snapshot, "Starter.csproj"), "<Project />");

        Assert.Null(CSharpBuild.For(_competition with { Build = null }, _snapshot, Path.GetFullPath));
    }

    [Fact]
    public void For_PackageFolderMissing_InfrastructureFailure()
    {
        File.WriteAllText(Path.Combine(_snapshot, "Starter.csproj"), "<Project />");
        var missing = _competition with { Build = new BuildSpec { Image = "course-dotnet", Packages = Path.Combine(_packages, "gone") } };

        var failure = Assert.Throws<CourseSetupException>(() => CSharpBuild.For(missing, _snapshot, Path.GetFullPath));

        Assert.Contains("scripts/packages.sh", failure.Message);
    }

    [Fact]
    public void Recipe_CourseDotnet_ProvidesWhatTheGraderNames()
    {
        var recipe = ImageRecipe.Find("course-dotnet")!.Script;

        Assert.Contains($"/usr/local/bin/{CSharpBuild.Wrapper}\"", recipe);
        Assert.Contains($"exit {BuildReport.FailedExitCode}\n", recipe);
        Assert.Contains($"report=/out/{BuildReport.Folder}\n", recipe);
        Assert.Contains($"cd {BuildMessage.SourceRoot.TrimEnd('/')} ", recipe);
        Assert.Contains($"value=\"{CSharpBuild.PackagesTarget}\"", recipe);
    }
}
