using System.Text;
using Course.Credits.Ledger;
using Course.Credits.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Credits.Tests.Import;

public sealed class CodeImporterTests
{
    [Fact]
    public async Task Import_ValidFile_StoresEveryCodeEncryptedAndNoneInClearText()
    {
        await using var course = await TestCourse.CreateAsync();
        var (file, codes) = course.WriteCodes(25);

        var run = await CliRunner.RunAsync(course, "credits", "import", file, "--provider", "aws", "--value", "100", "--expires", "2027-06-30");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("imported 25 aws code(s)", run.Out, StringComparison.Ordinal);
        Assert.Contains("created the credits key file", run.Error, StringComparison.Ordinal);
        var stored = await course.InScopeAsync(s => s.GetRequiredService<CreditsDbContext>().Codes.CountAsync(c => c.Status == CodeStatus.Available));
        Assert.Equal(25, stored);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        AssertNoClearText(course, codes);
    }

    [Fact]
    public async Task Import_BadRows_RejectsWholeFileNamingEachLine()
    {
        await using var course = await TestCourse.CreateAsync();
        var (first, codes) = course.WriteCodes(2, "first.csv");
        Assert.Equal(0, (await CliRunner.RunAsync(course, "credits", "import", first, "--provider", "aws", "--value", "100")).ExitCode);
        var file = Path.Combine(course.Folder, "bad.csv");
        await File.WriteAllTextAsync(file, $"code,expires\nGOOD-CODE-0001,\nGOOD-CODE-0001,\nbad code!,\n{codes[0]},\nOLD-CODE-0001,2026-01-01\nNEW-CODE-0002,2027-01-01\n");

        var run = await CliRunner.RunAsync(course, "credits", "import", file, "--provider", "aws", "--value", "100");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.csv:3: duplicate of the code on line 2", run.Error, StringComparison.Ordinal);
        Assert.Contains("bad.csv:4: code is malformed", run.Error, StringComparison.Ordinal);
        Assert.Contains("bad.csv:5: code already imported", run.Error, StringComparison.Ordinal);
        Assert.Contains("bad.csv:6: code expired", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing imported", run.Error, StringComparison.Ordinal);
        var stored = await course.InScopeAsync(s => s.GetRequiredService<CreditsDbContext>().Codes.CountAsync());
        Assert.Equal(2, stored);
    }

    [Fact]
    public async Task Import_ExpiryInThePast_IsBadInput()
    {
        await using var course = await TestCourse.CreateAsync();
        var (file, _) = course.WriteCodes(1);

        var run = await CliRunner.RunAsync(course, "credits", "import", file, "--provider", "aws", "--value", "100", "--expires", "2026-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--expires 2026-01-01 is in the past", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("redeemed")]
    public async Task CodeFile_WithoutItsHeader_NamesLineOneButNeverShowsTheCode(string command)
    {
        await using var course = await TestCourse.CreateAsync();
        var file = Path.Combine(course.Folder, "codes.csv");
        await File.WriteAllTextAsync(file, "PC-7Q2K9X4M1B8N\nPC-3H6J0V5C2L9D\n");

        var run = await CliRunner.RunAsync(course, ["credits", command, file, .. Options(command)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{file}:1: missing column 'code'", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 1 has 1 field(s) and is not shown", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("7Q2K9X4M1B8N", run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("3H6J0V5C2L9D", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import", "code,expires", "expires is not a date")]
    [InlineData("redeemed", "code,redeemed_at", "redeemed_at is not a date")]
    public async Task CodeFile_ColumnsOutOfOrder_NamesTheRowButNeverShowsTheCode(string command, string header, string expected)
    {
        await using var course = await TestCourse.CreateAsync();
        var file = Path.Combine(course.Folder, "codes.csv");
        await File.WriteAllTextAsync(file, $"{header}\n2027-01-01,PC-7Q2K9X4M1B8N\n");

        var run = await CliRunner.RunAsync(course, ["credits", command, file, .. Options(command)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{file}:2: {expected}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("7Q2K9X4M1B8N", run.Out + run.Error, StringComparison.Ordinal);
    }

    private static string[] Options(string command) => command == "import" ? ["--provider", "aws", "--value", "100"] : [];

    internal static void AssertNoClearText(TestCourse course, IEnumerable<string> codes)
    {
        var bytes = string.Concat(new[] { "", "-wal", "-shm" }
            .Select(suffix => course.DatabaseFile + suffix)
            .Where(File.Exists)
            .Select(path => Encoding.Latin1.GetString(File.ReadAllBytes(path))));
        Assert.NotEmpty(bytes);
        foreach (var code in codes)
        {
            Assert.DoesNotContain(code, bytes, StringComparison.OrdinalIgnoreCase);
        }
    }
}
