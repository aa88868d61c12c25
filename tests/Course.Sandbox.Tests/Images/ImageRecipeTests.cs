using Course.Sandbox.Images;

namespace Course.Sandbox.Tests.Images;

public sealed class ImageRecipeTests
{
    [Fact]
    public void Find_CourseDotnet_NamesThisMachinesDotnetAndItsVersions()
    {
        var recipe = ImageRecipe.Find("course-dotnet")!;

        var line = recipe.Script.Split('\n').Single(l => l.StartsWith("HOST_DOTNET=", StringComparison.Ordinal));
        var root = line.Split('\'')[1];
        Assert.True(File.Exists(Path.Combine(root, "dotnet")), line);
        // The versions are part of the hash: a new SDK or runtime on the host rebuilds the image.
        Assert.Contains(Environment.Version.ToString(), line, StringComparison.Ordinal);
        foreach (var sdk in Directory.EnumerateDirectories(Path.Combine(root, "sdk")).Select(Path.GetFileName))
        {
            Assert.Contains(sdk!, line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("course-busybox")]
    [InlineData("course-torchsharp")]
    public void Find_OtherRecipes_NoHostLine(string name)
    {
        Assert.DoesNotContain("HOST_DOTNET=", ImageRecipe.Find(name)!.Script, StringComparison.Ordinal);
    }
}
