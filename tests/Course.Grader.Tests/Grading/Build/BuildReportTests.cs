using Course.Grader.Grading.Build;

namespace Course.Grader.Tests.Grading.Build;

public sealed class BuildReportTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("build-report-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void Read_FailedBuild_DurationExitAndErrors()
    {
        Write("status", "start 1000\nend 13500\nexit 1\n");
        Write("errors.log", "\uFEFF/tmp/src/Program.cs(12,5): error CS1002: ; expected [/tmp/src/Starter.csproj]\n"
                            + "/tmp/src/Program.cs(12,5): error CS1002: ; expected [/tmp/src/Starter.csproj]\n\n");

        var report = BuildReport.Read(_output);

        Assert.Equal((12500L, 1), (report.Milliseconds, report.ExitCode));
        Assert.Equal("Program.cs:12:5: CS1002 ; expected", Assert.Single(report.Errors).ToString());
        Assert.True(report.Failed(BuildReport.FailedExitCode));
        Assert.False(report.Failed(1));
    }

    [Fact]
    public void Read_NuGetContinuationLine_OneMessage()
    {
        Write("status", "start 1\nend 2\nexit 1\n");
        Write("errors.log", "/tmp/src/Starter.csproj : error NU1102: Unable to find package TorchSharp with version (>= 0.108.0)\n"
                            + "/tmp/src/Starter.csproj : error NU1102:   - Found 1 version(s) in course [ Nearest version: 0.107.0 ]\n");

        var error = Assert.Single(BuildReport.Read(_output).Errors);

        Assert.Equal("Starter.csproj: NU1102 Unable to find package TorchSharp with version (>= 0.108.0) - Found 1 version(s) in course [ Nearest version: 0.107.0 ]",
            error.ToString());
    }

    [Theory]
    [InlineData("start 5000\nend 1000\nexit 0\n", null, 0)] // ends before it starts
    [InlineData("start x\nend 1000\nexit -3\n", null, null)] // not numbers
    [InlineData("start 0\nend 999999999999\nexit 99999999999\n", null, null)] // a build of 31 years, an exit code past int
    [InlineData("exit 0\nexit 1\nstart 10\nend 20\nstart 0\n", 10L, 0)] // repeated keys: the first counts
    [InlineData("start 1 2\nend\n\0\0\0", null, null)]
    public void Read_ForgedStatus_OnlyPlausibleNumbers(string status, long? milliseconds, int? exit)
    {
        Write("status", status);

        var report = BuildReport.Read(_output);

        Assert.Equal((milliseconds, exit), (report.Milliseconds, report.ExitCode));
    }

    [Fact]
    public void Read_HugeFiles_BoundedListAndCount()
    {
        Write("status", "start 1\nend 2\nexit 1\n" + new string('x', 10_000_000));
        Write("errors.log", string.Concat(Enumerable.Range(1, 100_000).Select(i => $"/tmp/src/P.cs({i},1): error CS1002: ; expected\n")));
        Write("build.log", new string('y', 10_000_000) + "\nthe end\n");

        var report = BuildReport.Read(_output);

        Assert.Equal(1, report.ExitCode);
        Assert.Equal(BuildReport.MaxErrors, report.Errors.Count);
        Assert.InRange(report.MoreErrors, 1, 100_000);
        Assert.EndsWith("the end", report.LogTail, StringComparison.Ordinal);
        Assert.True(report.LogTail.Length <= 4096);
    }

    [Fact]
    public void Read_LinksAndNothing_NoReport()
    {
        Directory.CreateDirectory(Path.Combine(_output, BuildReport.Folder));
        File.CreateSymbolicLink(Path.Combine(_output, BuildReport.Folder, "status"), "/etc/passwd");

        var report = BuildReport.Read(_output);

        Assert.Null(report.Milliseconds);
        Assert.Null(report.ExitCode);
        Assert.Empty(report.Errors);
        Assert.Equal("", report.LogTail);
        Assert.False(report.Finished);
        Assert.False(report.Failed(BuildReport.FailedExitCode));
    }

    private void Write(string name, string content)
    {
        Directory.CreateDirectory(Path.Combine(_output, BuildReport.Folder));
        File.WriteAllText(Path.Combine(_output, BuildReport.Folder, name), content);
    }
}
