using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

public sealed class ApiTests : IAsyncLifetime
{
    private TestCourse _course = null!;
    private GraderWebFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _course = await TestCourse.CreateAsync(students: ["ana", "ben"]);
        _factory = new GraderWebFactory(_course, new FakeTimeProvider(), new Dictionary<string, string?>());
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _course.Dispose();
    }

    [Theory]
    [InlineData("ana", "student")]
    [InlineData("prof", "instructor")]
    public async Task Me_IssuedToken_ReturnsLoginAndRole(string login, string role)
    {
        Authorize(await IssueAsync(login));

        var me = await _client.GetFromJsonAsync<Dictionary<string, string>>("/api/me");

        Assert.Equal(login, me!["login"]);
        Assert.Equal(role, me["role"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Me_MissingOrUnknownToken_Returns401(string? token)
    {
        if (token is not null)
        {
            Authorize(token);
        }

        var response = await _client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Submissions_StudentAskingForAnotherStudent_Returns403()
    {
        Authorize(await IssueAsync("ana"));

        var response = await _client.GetAsync("/api/submissions?owner=ben");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Submissions_StudentOwnAndStaffAnyone_Return200()
    {
        Authorize(await IssueAsync("ana"));
        var own = await _client.GetAsync("/api/submissions?owner=ana");
        Authorize(await IssueAsync("prof"));

        var staff = await _client.GetAsync("/api/submissions?owner=ben");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    [Fact]
    public async Task Pushes_Student_Returns403()
    {
        Authorize(await IssueAsync("ana"));

        var response = await _client.GetAsync("/api/pushes");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task UsersToken_UnknownLogin_ExitsTwoNamingIt()
    {
        var (exit, _, error) = await _course.RunAsync("users", "token", "mallory");

        Assert.Equal(2, exit);
        Assert.Contains("'mallory'", error, StringComparison.Ordinal);
    }

    private async Task<string> IssueAsync(string login)
    {
        var (exit, output, error) = await _course.RunAsync("users", "token", login);
        Assert.True(exit == 0, error);
        return output.Trim();
    }

    private void Authorize(string token) => _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}
