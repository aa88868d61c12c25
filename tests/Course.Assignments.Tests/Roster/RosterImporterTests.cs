using Course.Assignments.Roster;
using Course.Assignments.Tests.Support;
using Course.Core.Errors;

namespace Course.Assignments.Tests.Roster;

public sealed class RosterImporterTests : IDisposable
{
    private const string Header = "login,name,email,section\n";
    private readonly TempDatabase _database = new();
    private readonly TempCourse _folder = new("{}");

    [Fact]
    public async Task ImportAsync_DemoRoster_EnrollsEveryone()
    {
        var report = await CreateSut().ImportAsync(Path.Combine(RepositoryFiles.Root, "demo", "roster.csv"), default);

        Assert.Equal(10, report.Added);
        Assert.Equal(10, _database.Context().Students.Count());
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_ChangesNothing()
    {
        var path = _folder.Write("roster.csv", Header + "ana,Ana,ana@example.org,A\n");
        await CreateSut().ImportAsync(path, default);

        var report = await CreateSut().ImportAsync(path, default);

        Assert.Equal((0, 0, 1), (report.Added, report.Updated, report.Unchanged));
    }

    [Theory]
    [InlineData(Header + "ana,Ana,ana@example.org,A\nana,Ana B,anab@example.org,A\n", "roster.csv:3: login 'ana' is already on line 2")]
    [InlineData(Header + "ana,Ana,not-an-email,A\n", "roster.csv:2: email 'not-an-email' is not an e-mail address")]
    [InlineData("login,name\nana,Ana\n", "roster.csv:1: missing column(s) email")]
    [InlineData(Header + "ana,Ana,ana@example.org\n", "roster.csv:2: 3 fields, the header has 4")]
    [InlineData(Header + "an a,Ana,ana@example.org,A\n", "roster.csv:2: login 'an a' is not a login")]
    [InlineData(Header + "ana,,ana@example.org,A\n", "roster.csv:2: name is empty")]
    [InlineData(Header + "ana,Ana,a@example.org,A\nbob,Bob,A@example.org,A\n", "roster.csv:3: email 'a@example.org' is already on line 2")]
    [InlineData("", "roster.csv:1: missing column(s) login, name, email")]
    public async Task ImportAsync_BadFile_RejectsWithLineAndStoresNothing(string content, string expected)
    {
        var good = _folder.Write("good.csv", Header + "zoe,Zoe,zoe@example.org,B\n");
        await CreateSut().ImportAsync(good, default);
        var bad = _folder.Write("roster.csv", content + "yan,Yan,yan@example.org,B\n");

        var error = await Assert.ThrowsAnyAsync<BadInputException>(() => CreateSut().ImportAsync(bad, default));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(["zoe"], _database.Context().Students.Select(s => s.Login).ToList());
    }

    [Fact]
    public async Task ImportAsync_EmailOfAnotherEnrolledStudent_Rejected()
    {
        await CreateSut().ImportAsync(_folder.Write("a.csv", Header + "ana,Ana,ana@example.org,A\n"), default);

        var error = await Assert.ThrowsAsync<BadInputException>(() =>
            CreateSut().ImportAsync(_folder.Write("b.csv", Header + "bob,Bob,ana@example.org,A\n"), default));

        Assert.Contains("already belongs to enrolled student 'ana'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    private RosterImporter CreateSut() => new(_database.Context());
}
