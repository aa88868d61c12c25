using System.Net;
using Course.Core.Output;
using Course.Grader.Calibration;
using Course.Grader.Queue;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// The console's assignments page over a real socket with an instructor's session: the stored calibration's flags, a running
/// job with its host and GPU, the submission count; a TA's session is refused the page.
/// </summary>
public sealed class ConsoleOverviewTests : IAsyncLifetime
{
    private WebTestBed _bed = null!;

    public async Task InitializeAsync() =>
        _bed = await WebTestBed.StartOnKestrelAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)),
            CourseAsync());

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Console_Instructor_SeesCalibrationFlagsRunningJobsAndSubmissions()
    {
        var html = await PageAsync("prof");

        Assert.Equal(HttpStatusCode.OK, html.Status);
        Assert.Contains("reference-slow: the reference took 25 s of the 30 s limit", html.Text, StringComparison.Ordinal);
        Assert.Contains("reference 2, baseline 0.5", html.Text, StringComparison.Ordinal);
        Assert.Contains("<td>gpu-node-1</td><td>GPU-5e1b</td>", html.Text, StringComparison.Ordinal);
        Assert.Matches($@"{TestCourse.Assignment} <span class=""muted"">[^<]*</span></td>\s*<td class=""nowrap"">[^<]*</td>\s*<td class=""number"">1</td>", html.Text);
    }

    [Fact]
    public async Task Console_Student_IsRefused()
    {
        var html = await PageAsync("ana");

        Assert.Equal(HttpStatusCode.Forbidden, html.Status);
        Assert.DoesNotContain("gpu-node-1", html.Text, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Text)> PageAsync(string login)
    {
        var session = await PageSignIn.SessionAsync(_bed.Client, await _bed.TokenAsync(login));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console");
        request.Headers.Add("Cookie", session);
        using var response = await _bed.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<TestCourse> CourseAsync()
    {
        var course = await TestCourse.CreateAsync(students: ["ana", "ben"]);
        await course.GradedSubmissionAsync("ana", "feedback");
        await course.QueryAsync(db => db.Jobs.ExecuteUpdateAsync(j => j
            .SetProperty(x => x.State, JobState.Running).SetProperty(x => x.Host, "gpu-node-1").SetProperty(x => x.GpuDevices, "GPU-5e1b")));
        var folder = Path.Combine(course.Directory, ".calibration", TestCourse.Assignment);
        await File.WriteAllTextAsync(Path.Combine(folder, CalibrationReport.FileName), Json.Serialize(new CalibrationReport(
            TestCourse.Assignment, "tests", "course-python", 30, 2,
            new RunMeasurement("reference", "reference", 0, false, false, 25_000, 2, null, "", null, false),
            new RunMeasurement("baseline", "baseline", 0, false, false, 1_000, 0.5, null, "", null, false),
            new ScoreCurve(0.5, 2, 2), [new CalibrationFlag("reference-slow", "the reference took 25 s of the 30 s limit")], folder)));
        await course.StoreCalibrationAsync();
        return course;
    }
}
