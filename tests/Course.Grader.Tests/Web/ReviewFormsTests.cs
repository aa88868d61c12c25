using System.Net;
using Course.Grader.Grading;
using Course.Grader.Tests.Grades.Review;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// The review case's forms over a real socket with the TA's session cookie: a post without the page's antiforgery token (what
/// another site can make a signed-in browser send) changes nothing; the same post with the token overrides the score.
/// </summary>
public sealed class ReviewFormsTests : IAsyncLifetime
{
    private WebTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _bed = await WebTestBed.StartOnKestrelAsync(new FakeTimeProvider(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero)), CourseAsync());
        await ReviewWork.ResultAsync(_bed.Course, "ana", Verdict.TimedOut, 0);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Override_WithoutTheAntiforgeryToken_RefusedAndNothingChanged()
    {
        var session = await PageSignIn.SessionAsync(_bed.Client, await _bed.TokenAsync(ReviewWork.Ta));
        var (cookies, field) = await PageSignIn.FormAsync(_bed.Client, $"/review/{TestCourse.Assignment}/ana", session);

        using var forged = await PostAsync(session, [new("student", "ana"), new("score", "1"), new("reason", "forged")]);
        var afterForged = await HistoryAsync();
        using var sent = await PostAsync(cookies,
            [new(field.Name, field.Value), new("student", "ana"), new("score", "0.9"), new("reason", "slow node")]);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("The form expired", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("", afterForged);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains($"{TestCourse.Assignment}/ana 0 -> 0.9 override: slow node", await HistoryAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string cookies, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/review/{TestCourse.Assignment}/ana/override") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", cookies);
        return await _bed.Client.SendAsync(request);
    }

    private async Task<string> HistoryAsync()
    {
        var (exit, output, error) = await _bed.Course.RunAsync("grades", "history");
        Assert.True(exit == 0, error);
        return output.Trim();
    }

    private static async Task<TestCourse> CourseAsync()
    {
        var course = await TestCourse.CreateAsync(students: ["ana"]);
        await ReviewWork.EditCourseAsync(course, essay: false);
        return course;
    }
}
