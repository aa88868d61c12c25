using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Course.Grader.Grades.Review;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Course.Grader.Tests.Grades.Review;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// <c>/api/review</c> through the real web host on stored results: a timed-out run and a run whose kept metrics log fails a
/// training check are listed, a good run is not; a TA marks one reviewed and it leaves the queue, recorded with who and when;
/// a re-run of a finished job queues it once.
/// </summary>
public sealed class ReviewApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 10, 20, 9, 0, 0, TimeSpan.Zero);

    private WebTestBed _bed = null!;
    private Guid _timedOut;
    private Guid _rising;

    public async Task InitializeAsync()
    {
        _bed = await WebTestBed.StartAsync(new FakeTimeProvider(Now), CourseAsync());
        _timedOut = await ReviewWork.ResultAsync(_bed.Course, "ana", Verdict.TimedOut, 0, stdout: "epoch 1\nepoch 2\n");
        _rising = await ReviewWork.ResultAsync(_bed.Course, "ben", Verdict.Graded, 2,
            metrics: "{\"step\": 1, \"loss\": 2.3}\n{\"step\": 2, \"loss\": 2.4}\n{\"step\": 3, \"loss\": 2.6}\n");
        await ReviewWork.ResultAsync(_bed.Course, "cy", Verdict.Graded, 2,
            metrics: "{\"step\": 1, \"loss\": 2.3}\n{\"step\": 2, \"loss\": 1.4}\n{\"step\": 3, \"loss\": 0.6}\n");
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Queue_TimeoutAndFailedTrainingCheckListed_MarkedEntryLeavesWithWhoAndWhen()
    {
        await _bed.SignInAsync(ReviewWork.Ta);

        var before = await _bed.Client.GetFromJsonAsync<JsonElement>($"/api/review/{TestCourse.Assignment}");
        var marked = await _bed.Client.PostAsJsonAsync($"/api/review/{TestCourse.Assignment}/reviewed",
            new { subject = ReviewSubjects.Job(_timedOut), note = "the node was slow that night" });
        var again = await _bed.Client.PostAsJsonAsync($"/api/review/{TestCourse.Assignment}/reviewed", new { subject = ReviewSubjects.Job(_timedOut) });
        var after = await _bed.Client.GetFromJsonAsync<JsonElement>($"/api/review/{TestCourse.Assignment}");

        var entries = before.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["ana", "ben"], entries.Select(e => e.GetProperty("owner").GetString()).Order());
        Assert.Equal("verdict: stopped at the time limit", Entry(entries, "ana").GetProperty("reasonText").GetString());
        Assert.StartsWith("training: loss-decreases: loss did not go down", Entry(entries, "ben").GetProperty("reasonText").GetString(), StringComparison.Ordinal);
        Assert.Contains("standard deviations", before.GetProperty("outlierRule").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, marked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(ReviewSubjects.Job(_rising), Assert.Single(after.GetProperty("entries").EnumerateArray()).GetProperty("subject").GetString());
        var review = Assert.Single(after.GetProperty("reviewed").EnumerateArray());
        Assert.Equal((ReviewWork.Ta, "ana", "verdict: stopped at the time limit", "marked reviewed: the node was slow that night", Now),
            (review.GetProperty("by").GetString(), review.GetProperty("owner").GetString(), review.GetProperty("reasons").GetString(),
                review.GetProperty("action").GetString(), review.GetProperty("at").GetDateTimeOffset()));
    }

    [Theory]
    [InlineData("{\"subject\": \"job:nothex\"}", HttpStatusCode.BadRequest, "subject: 'job:nothex' is not")]
    [InlineData("{}", HttpStatusCode.BadRequest, "subject: '' is not")]
    [InlineData("{\"subject\": \"regrade:0123456789abcdef0123456789abcdef\"}", HttpStatusCode.NotFound, "is not in the review queue")]
    public async Task Mark_BadSubject_AnswersNamingIt(string body, HttpStatusCode status, string message)
    {
        await _bed.SignInAsync(ReviewWork.Ta);

        using var response = await _bed.Client.PostAsync($"/api/review/{TestCourse.Assignment}/reviewed",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_Student_IsRefused()
    {
        await _bed.SignInAsync("ana");

        using var list = await _bed.Client.GetAsync($"/api/review/{TestCourse.Assignment}");
        using var mark = await _bed.Client.PostAsJsonAsync($"/api/review/{TestCourse.Assignment}/reviewed", new { subject = ReviewSubjects.Job(_timedOut) });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, mark.StatusCode));
    }

    [Fact]
    public async Task RerunJob_FinishedJob_QueuedAgainOnceWithWhy()
    {
        await using var services = _bed.Course.Services();
        await using var scope = services.CreateAsyncScope();
        var reruns = scope.ServiceProvider.GetRequiredService<JobReruns>();

        var rerun = await reruns.RerunJobAsync(_timedOut, "asked by tia from the review queue", CancellationToken.None);
        var twice = await Assert.ThrowsAsync<Course.Core.Errors.BadInputException>(() =>
            reruns.RerunJobAsync(_timedOut, "again", CancellationToken.None));

        Assert.Equal("ana", rerun.Owner);
        var job = await scope.ServiceProvider.GetRequiredService<GraderDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == _timedOut);
        Assert.Equal((JobState.Queued, "re-run: asked by tia from the review queue"), (job.State, job.LastError));
        Assert.Contains("is queued: only a finished job runs again", twice.Message, StringComparison.Ordinal);
    }

    private static JsonElement Entry(IEnumerable<JsonElement> entries, string owner) =>
        entries.Single(e => e.GetProperty("owner").GetString() == owner);

    private static async Task<TestCourse> CourseAsync()
    {
        var course = await TestCourse.CreateAsync(students: ["ana", "ben", "cy"]);
        await ReviewWork.EditCourseAsync(course, essay: false);
        return course;
    }
}
