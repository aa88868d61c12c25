using Course.Grader.Grading.Build;
using Markdig;

namespace Course.Grader.Tests.Grading.Build;

public sealed class BuildSectionTests : IDisposable
{
    private readonly string _snapshot = Directory.CreateTempSubdirectory("build-section-snapshot-").FullName;
    private readonly string _packages = Directory.CreateTempSubdirectory("build-section-packages-").FullName;

    public void Dispose()
    {
        Directory.Delete(_snapshot, recursive: true);
        Directory.Delete(_packages, recursive: true);
    }

    [Fact]
    public void Render_Built_BuildTimeApartFromTheProgram()
    {
        var report = new BuildReport(12_300, 0, [], 0, "");

        var section = BuildSection.Render(report, failed: false, runWallMs: 57_900, "10m", _snapshot, _packages).Text;

        Assert.Contains("in 12.3 s; your program then ran for 45.6 s. Both count against the time limit (10m).", section);
    }

    [Fact]
    public void Render_StoppedDuringTheBuild_SaysSo()
    {
        var section = BuildSection.Render(new BuildReport(null, null, [], 0, ""), failed: false, runWallMs: 600_000, "10m", _snapshot, _packages).Text;

        Assert.Contains("The build did not finish: the run was stopped after 600.0 s", section);
    }

    [Fact]
    public void Render_MissingPackage_NamesPackageVersionAndWhatTheCourseHas()
    {
        Directory.CreateDirectory(Path.Combine(_packages, "torchsharp", "0.107.0"));
        Directory.CreateDirectory(Path.Combine(_packages, "libtorch-cpu-linux-x64", "2.10.0"));
        File.WriteAllText(Path.Combine(_snapshot, "Net.csproj"),
            """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Newtonsoft.Json" Version="13.0.3" /></ItemGroup></Project>""");
        var report = new BuildReport(2_000, 1,
            [BuildMessage.Parse("/tmp/src/Net.csproj : error NU1101: Unable to find package Newtonsoft.Json. No packages exist with this id in source(s): course")], 0, "");

        var section = BuildSection.Render(report, failed: true, runWallMs: 3_000, "10m", _snapshot, _packages).Text;

        Assert.Contains("The course's package folder has no Newtonsoft.Json 13.0.3 (asked for in Net.csproj).", section);
        Assert.Contains("only the packages the course provides: libtorch-cpu-linux-x64 2.10.0, torchsharp 0.107.0.", section);
    }

    [Fact]
    public void Render_HostileErrors_NoMarkupReachesThePage()
    {
        File.WriteAllText(Path.Combine(_snapshot, "Evil.csproj"), """
            <?xml version="1.0"?>
            <!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <Project><ItemGroup><PackageReference Include="Evil" Version="&x;" /></ItemGroup></Project>
            """);
        var report = new BuildReport(1_000, 1,
        [
            BuildMessage.Parse("/tmp/src/[x](javascript:alert(1)).cs(1,1): error CS1: <script>alert(1)</script> ![img](http://e/i.png)"),
            BuildMessage.Parse("/tmp/src/a.cs : error : line\u2028# Heading\u0000 | cell | ~~~~ `code` *bold* <b>b</b> &amp;"),
            BuildMessage.Parse("/tmp/src/Evil.csproj : error NU1101: Unable to find package Evil. No packages exist"),
        ], 0, "");

        var section = BuildSection.Render(report, failed: true, runWallMs: 2_000, "10m", _snapshot, _packages).Text;
        var html = Markdown.ToHtml(section, new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build());

        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<h1", html);
        Assert.DoesNotContain("<table", html);
        Assert.DoesNotContain("<code>code", html);
        Assert.DoesNotContain("<em>", html);
        Assert.DoesNotContain("root:", section);
        Assert.Contains("package folder has no Evil.", html);
        Assert.Equal(3, html.Split("<li>").Length - 1);
    }

    [Fact]
    public void Render_FailedWithoutErrorLines_ShowsTheEndOfTheLog()
    {
        var report = new BuildReport(6, 1, [], 0, "cp: error writing './data.bin': No space left on device\n~~~~\n# not a heading");

        var section = BuildSection.Render(report, failed: true, runWallMs: 2_000, "10m", _snapshot, _packages).Text;
        var html = Markdown.ToHtml(section);

        Assert.Contains("Your project did not build (after 0.0 s). The end of the build's output:", section);
        Assert.Contains("<pre><code>cp: error writing './data.bin': No space left on device", html.Replace("&#39;", "'", StringComparison.Ordinal));
        Assert.DoesNotContain("<h1", html);
    }
}
