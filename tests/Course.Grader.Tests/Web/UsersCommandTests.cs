using System.Text.Json;
using Course.Grader.Tests.Support;
using Course.Grader.Web.Auth;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary><c>grader users token | tokens | revoke</c>: lifetimes, listings that never show a secret, and revocations.</summary>
public sealed class UsersCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 10, 5, 12, 0, 0, TimeSpan.Zero);

    private TestCourse _course = null!;

    public async Task InitializeAsync() => _course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), students: ["ana", "ben"]);

    public Task DisposeAsync()
    {
        _course.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(null, 90 * 24)]
    [InlineData("30d", 30 * 24)]
    [InlineData("12h", 12)]
    public async Task UsersToken_Expires_SetsTheLifetime(string? expires, int hours)
    {
        var (_, id) = await IssueAsync("ana", expires is null ? [] : ["--expires", expires]);

        var row = Assert.Single(await ListAsync());

        Assert.Equal(id, row.GetProperty("id").GetString());
        Assert.Equal(Now, row.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(Now.AddHours(hours), row.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal("active", row.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("0d")]
    [InlineData("30")]
    [InlineData("-5d")]
    [InlineData("1.5d")]
    [InlineData("soon")]
    [InlineData("366d")]
    [InlineData("99999999999d")]
    public async Task UsersToken_BadExpires_ExitsTwoNamingTheOptionAndIssuesNothing(string expires)
    {
        var (exit, output, error) = await _course.RunAsync("users", "token", "ana", "--expires", expires);

        Assert.Equal(2, exit);
        Assert.Contains($"--expires: '{expires}'", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task UsersTokens_ListsEveryTokenButNeverTheTokenOrItsHash()
    {
        var (ana, _) = await IssueAsync("ana");
        var (prof, _) = await IssueAsync("prof");

        var json = await RunAsync("users", "tokens", "--json");
        var table = await RunAsync("users", "tokens");
        var onlyAna = await ListAsync("ana");

        Assert.Equal(["ana", "prof"], await LoginsAsync());
        foreach (var secret in new[] { ana, prof, TokenHasher.Hash(ana), TokenHasher.Hash(prof) })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, table, StringComparison.Ordinal);
        }

        Assert.Equal("ana", Assert.Single(onlyAna).GetProperty("login").GetString());
    }

    [Fact]
    public async Task UsersRevoke_Id_RevokesThatTokenOnly()
    {
        var (_, first) = await IssueAsync("ana");
        var (_, second) = await IssueAsync("ana");

        var output = await RunAsync("users", "revoke", first);
        var again = await RunAsync("users", "revoke", first);

        Assert.Contains($"revoked {first} of ana", output, StringComparison.Ordinal);
        Assert.Contains("already revoked", again, StringComparison.Ordinal);
        var states = (await ListAsync()).ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("state").GetString());
        Assert.Equal("revoked", states[first]);
        Assert.Equal("active", states[second]);
    }

    [Fact]
    public async Task UsersRevoke_AllOfALogin_LeavesOtherLoginsTokens()
    {
        await IssueAsync("ana");
        await IssueAsync("ana");
        var (_, ben) = await IssueAsync("ben");

        var output = await RunAsync("users", "revoke", "--all", "ana");

        Assert.Contains("revoked 2 token(s) of ana", output, StringComparison.Ordinal);
        Assert.All(await ListAsync("ana"), r => Assert.Equal("revoked", r.GetProperty("state").GetString()));
        Assert.Equal("active", Assert.Single(await ListAsync("ben"), r => r.GetProperty("id").GetString() == ben).GetProperty("state").GetString());
    }

    [Fact]
    public async Task UsersRevoke_UnknownId_ExitsTwoNamingIt()
    {
        await IssueAsync("ana");

        var (exit, _, error) = await _course.RunAsync("users", "revoke", "0123456789ab");

        Assert.Equal(2, exit);
        Assert.Contains("ID: no token '0123456789ab'", error, StringComparison.Ordinal);
        Assert.Equal("active", Assert.Single(await ListAsync()).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData]
    [InlineData("0123456789ab", "--all", "ana")]
    public async Task UsersRevoke_NeitherOrBothOfIdAndAll_ExitsTwo(params string[] arguments)
    {
        var (exit, _, error) = await _course.RunAsync(["users", "revoke", .. arguments]);

        Assert.Equal(2, exit);
        Assert.Contains("ID or --all LOGIN", error, StringComparison.Ordinal);
    }

    private async Task<(string Token, string Id)> IssueAsync(string login, params string[] options)
    {
        using var issued = JsonDocument.Parse(await RunAsync(["users", "token", login, "--json", .. options]));
        return (issued.RootElement.GetProperty("token").GetString()!, issued.RootElement.GetProperty("id").GetString()!);
    }

    private async Task<List<JsonElement>> ListAsync(string? login = null)
    {
        using var rows = JsonDocument.Parse(await RunAsync(["users", "tokens", .. login is null ? Array.Empty<string>() : [login], "--json"]));
        return rows.RootElement.EnumerateArray().Select(r => r.Clone()).ToList();
    }

    private async Task<string[]> LoginsAsync() => (await ListAsync()).Select(r => r.GetProperty("login").GetString()!).ToArray();

    private async Task<string> RunAsync(params string[] arguments)
    {
        var (exit, output, error) = await _course.RunAsync(arguments);
        Assert.True(exit == 0, error);
        return output;
    }
}
