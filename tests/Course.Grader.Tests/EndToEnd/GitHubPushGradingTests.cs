using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Tests.Intake.Archives;
using Course.Grader.Tests.Intake.GitHub;
using Course.Grader.Tests.Support;
using Course.Grader.Tests.Web;
using Course.Grader.Web.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.EndToEnd;

/// <summary>
/// Needs the Docker engine (it fails loudly without one): the recorded push payload, signed and POSTed
/// to the web app, taken in by the push dispatcher from GitHub replayed by <see cref="ReplayServer"/>,
/// queued, graded by a worker in the busybox sandbox and reported back as the commit's final status.
/// The payload and the recorded status exchanges are renamed to the test course's repository; the
/// tarball is built here, since the recorded one holds no homework.
/// </summary>
public sealed class GitHubPushGradingTests
{
    private const string Repository = "test-org/hw1-gh-ana";
    private const string PublicUrl = "https://grader.example/";

    // A day after hw1's deadline (2026-10-12T23:59 UTC): one late day, a quarter off the 2 points.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 10, 13, 10, 0, 0, TimeSpan.Zero));

    [Fact(Timeout = 180_000)]
    public async Task SignedPush_GradedInSandbox_RecordsResultAndSetsFinalStatusWithScore()
    {
        await using var github = await ReplayServer.StartAsync();
        using var course = await TestCourse.CreateAsync(students: ["ana"]);
        course.UseFastQueue();
        var (payload, commit) = await RecordedPushAsync();
        ServeRepository(github, commit, "echo '{\"sum\": 42.0004, \"items\": [1, 2, 3]}' > /out/result.json\n");
        await using var web = new GraderWebFactory(course, _clock, new Dictionary<string, string?>
        {
            ["GitHub:Token"] = "test-token",
            ["GitHub:BaseUrl"] = github.BaseUrl.ToString(),
            ["Web:PublicUrl"] = PublicUrl,
        });
        using var client = web.CreateClient();

        var response = await PostPushAsync(client, payload);
        var job = await QueuedJobAsync(course, commit);
        await web.Services.GetRequiredService<QueueWorker>().RunAsync(1, null, _ => Task.FromResult(true), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var result = await course.QueryAsync(db => db.Results.SingleAsync(r => r.JobId == job.Id));
        Assert.Equal((Verdict.Graded, 2.0, 1.5, 1), (result.Verdict, result.RawScore, result.Score, result.LateDays));
        var statuses = StatusRequests(github, commit);
        Assert.Equal(["pending", "success"], statuses.Select(s => s.GetProperty("state").GetString()));
        var final = statuses[^1];
        Assert.Equal("1.5/2 points, 1 late day", final.GetProperty("description").GetString());
        Assert.Equal("course/hw1", final.GetProperty("context").GetString());
        var link = new Uri(final.GetProperty("target_url").GetString()!);
        Assert.Equal($"{PublicUrl}submissions/{job.SubmissionId}", link.ToString());
        Assert.Contains("<strong>1.5 / 2</strong>", await FeedbackAsync(client, course, link), StringComparison.Ordinal);
    }

    /// <summary>The page the status links to, as the student reads it (with their token) from the web app.</summary>
    private static async Task<string> FeedbackAsync(HttpClient client, TestCourse course, Uri link)
    {
        var (exit, token, error) = await course.RunAsync("users", "token", "ana");
        Assert.True(exit == 0, error);
        using var request = new HttpRequestMessage(HttpMethod.Get, link.PathAndQuery);
        request.Headers.Authorization = new("Bearer", token.Trim());
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The recorded push to Codertocat/Hello-World's default branch, moved to the test course's repository.</summary>
    private static async Task<(byte[] Payload, string Commit)> RecordedPushAsync()
    {
        var payload = JsonNode.Parse(await File.ReadAllTextAsync(Fixtures.Webhook("push")))!;
        var repository = payload["repository"]!;
        repository["full_name"] = Repository;
        repository["name"] = Repository.Split('/')[1];
        repository["owner"]!["login"] = Repository.Split('/')[0];
        return (Encoding.UTF8.GetBytes(payload.ToJsonString()), payload["after"]!.GetValue<string>());
    }

    /// <summary>The commit's tarball as GitHub lays it out (one top folder, the commit in a pax header), and the recorded status exchanges.</summary>
    private static void ServeRepository(ReplayServer github, string commit, string runScript)
    {
        var tarball = Path.Combine(Path.GetTempPath(), $"course-push-{Guid.NewGuid():N}.tar.gz");
        try
        {
            using (var builder = new TarGzBuilder(tarball))
            {
                builder.GlobalHeader(commit).File($"test-org-hw1-gh-ana-{commit[..7]}/run.sh", runScript);
            }

            github.Add("GET", $"/repos/{Repository}/tarball/{commit}", 200,
                new Dictionary<string, string> { ["content-type"] = "application/x-gzip" }, File.ReadAllBytes(tarball));
        }
        finally
        {
            File.Delete(tarball);
        }

        github.AddScenario(Fixtures.Scenario("create-status"), text => text
            .Replace("octokit-fixture-org/create-status", Repository, StringComparison.Ordinal)
            .Replace("0000000000000000000000000000000000000001", commit, StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> PostPushAsync(HttpClient client, byte[] payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-GitHub-Event", "push");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", WebhookSignature.Sign(GraderWebFactory.Secret, payload));
        return await client.SendAsync(request);
    }

    /// <summary>Waits for the push dispatcher to record the submission and queue its grading.</summary>
    private static async Task<GradingJob> QueuedJobAsync(TestCourse course, string commit)
    {
        GradingJob? job = null;
        await Eventually.WaitAsync(async () => (job = await course.QueryAsync(db => db.Jobs.SingleOrDefaultAsync(j => j.Commit == commit))) is not null,
            TimeSpan.FromSeconds(60), () => "the push was not taken in and queued");
        return job!;
    }

    private static List<JsonElement> StatusRequests(ReplayServer github, string commit) =>
        github.Requests.Where(r => r.Method == "POST" && r.Path == $"/api/v3/repos/{Repository}/statuses/{commit}")
            .Select(r => JsonSerializer.Deserialize<JsonElement>(r.Body)).ToList();
}
