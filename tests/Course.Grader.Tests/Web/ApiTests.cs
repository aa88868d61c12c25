using System.Net;
using System.Net.Http.Json;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

public sealed class ApiTests : IAsyncLifetime
{
    private WebTestBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await WebTestBed.StartAsync(new FakeTimeProvider(), TestCourse.CreateAsync(students: ["ana", "ben"]));

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Theory]
    [InlineData("ana", "student")]
    [InlineData("prof", "instructor")]
    public async Task Me_IssuedToken_ReturnsLoginAndRole(string login, string role)
    {
        await _bed.SignInAsync(login);

        var me = await _bed.Client.GetFromJsonAsync<Dictionary<string, string>>("/api/me");

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
            _bed.UseToken(token);
        }

        var response = await _bed.Client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Submissions_StudentAskingForAnotherStudent_Returns403()
    {
        await _bed.SignInAsync("ana");

        var response = await _bed.Client.GetAsync("/api/submissions?owner=ben");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Submissions_StudentOwnAndStaffAnyone_Return200()
    {
        await _bed.SignInAsync("ana");
        var own = await _bed.Client.GetAsync("/api/submissions?owner=ana");
        await _bed.SignInAsync("prof");

        var staff = await _bed.Client.GetAsync("/api/submissions?owner=ben");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    [Fact]
    public async Task Pushes_Student_Returns403()
    {
        await _bed.SignInAsync("ana");

        var response = await _bed.Client.GetAsync("/api/pushes");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Feedback_OwnGradedSubmission_ReturnsTheMarkdownReport()
    {
        var submission = await _bed.Course.GradedSubmissionAsync("ana", "# hw1: ana\n- Score: **2 / 2**\n");
        await _bed.SignInAsync("ana");

        var response = await _bed.Client.GetAsync($"/api/submissions/{submission}/feedback");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("**2 / 2**", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_AnotherStudentsSubmission_Returns404AsIfMissing()
    {
        var submission = await _bed.Course.GradedSubmissionAsync("ben", "# hw1: ben\n");
        await _bed.SignInAsync("ana");

        var response = await _bed.Client.GetAsync($"/api/submissions/{submission}/feedback");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UsersToken_UnknownLogin_ExitsTwoNamingIt()
    {
        var (exit, _, error) = await _bed.Course.RunAsync("users", "token", "mallory");

        Assert.Equal(2, exit);
        Assert.Contains("'mallory'", error, StringComparison.Ordinal);
    }
}
