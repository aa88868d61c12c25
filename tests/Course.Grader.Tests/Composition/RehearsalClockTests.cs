using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Course.Grader.Tests.Support;
using Course.Grader.Tests.Web;

namespace Course.Grader.Tests.Composition;

/// <summary>
/// <c>Clock:Now</c> reaches <c>grader serve</c> as it reaches every command: one composition. The competition's
/// deadline lies between today and the rehearsed time, so only a server on the rehearsal clock refuses the upload
/// as closed; a server on the system clock (as <c>serve</c> once hard-coded) accepts it.
/// </summary>
public sealed partial class RehearsalClockTests
{
    private const string Deadline = "2029-12-31T23:59";
    private const string AfterTheDeadline = "2030-01-01T00:00:00Z";
    private const string Uploads = $"/api/leaderboard/{TestCourse.Competition}/submissions";

    [Theory]
    [InlineData(null, HttpStatusCode.Created)]
    [InlineData(AfterTheDeadline, HttpStatusCode.BadRequest)]
    public async Task WebTestBed_ClockNowOverride_DecidesWhetherTheCompetitionIsOpen(string? now, HttpStatusCode expected)
    {
        var course = await TestCourse.CreateAsync(deadline: Deadline, competition: true, students: ["ana"]);
        course.Settings["Clock:Now"] = now;
        await using var bed = await WebTestBed.StartAsync(clock: null, Task.FromResult(course));
        await bed.SignInAsync("ana");

        var response = await bed.Client.PostAsync(Uploads, Predictions());

        Assert.Equal(expected, response.StatusCode);
        if (now is not null)
        {
            Assert.Contains($"competition {TestCourse.Competition} closed at its deadline", await response.Content.ReadAsStringAsync(),
                StringComparison.Ordinal);
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task Serve_ClockNowAfterTheDeadline_RefusesUploadsAsClosed()
    {
        using var course = await TestCourse.CreateAsync(deadline: Deadline, competition: true, students: ["ana"]);
        course.Settings["Clock:Now"] = AfterTheDeadline;
        var (exit, token, error) = await course.RunAsync("users", "token", "ana");
        Assert.True(exit == 0, error);
        using var server = GraderProcess.Start(course, "serve", "--urls", "http://127.0.0.1:0", "--workers", "0", "--mail-every", "off");
        using var client = new HttpClient { BaseAddress = await ListeningAsync(server) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());

        var response = await client.PostAsync(Uploads, Predictions());

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Contains($"competition {TestCourse.Competition} closed at its deadline", await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
    }

    private static StringContent Predictions() => new("id,label\n1,a\n2,b\n3,a\n4,b\n", Encoding.UTF8, "text/csv");

    /// <summary>The address Kestrel reports once it listens (the command asks for port 0, any free one).</summary>
    private static async Task<Uri> ListeningAsync(GraderProcess server)
    {
        Uri? address = null;
        await Eventually.WaitAsync(() =>
        {
            address = Listening().Match(server.Output) is { Success: true } match ? new Uri(match.Groups[1].Value) : null;
            return Task.FromResult(address is not null || server.HasExited);
        }, TimeSpan.FromSeconds(90), () => server.Output);
        return address ?? throw new InvalidOperationException($"grader serve ended: {server.Output}");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
