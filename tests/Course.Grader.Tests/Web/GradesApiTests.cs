using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary><c>/api/grades</c>: a student sees an assignment's grade only once staff released it, and only their own.</summary>
public sealed class GradesApiTests : IAsyncLifetime
{
    private WebTestBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await WebTestBed.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero)),
            TestCourse.CreateAsync(students: ["ana", "ben"]));

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Grades_BeforeAndAfterRelease_HiddenThenShownToTheirOwnerOnly()
    {
        await _bed.Course.GradedSubmissionAsync("ana", "all good");
        await _bed.SignInAsync("ana");
        var before = await _bed.Client.GetFromJsonAsync<JsonElement>("/api/grades");
        Assert.Equal(0, (await _bed.Course.RunAsync("grades", "release", TestCourse.Assignment, "--by", "prof")).Exit);
        var after = await _bed.Client.GetFromJsonAsync<JsonElement>("/api/grades");
        await _bed.SignInAsync("ben");
        var peek = await _bed.Client.GetAsync("/api/grades?student=ana");
        await _bed.SignInAsync("prof");
        var staff = await _bed.Client.GetFromJsonAsync<JsonElement>("/api/grades?student=ana");
        var unnamed = await _bed.Client.GetAsync("/api/grades");

        Assert.Empty(before.GetProperty("assignments").EnumerateObject());
        Assert.Equal(1.0, after.GetProperty("assignments").GetProperty(TestCourse.Assignment).GetProperty("fraction").GetDouble());
        Assert.Equal(HttpStatusCode.Forbidden, peek.StatusCode);
        Assert.Equal("ana", staff.GetProperty("login").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("student:", await unnamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
