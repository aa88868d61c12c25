using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Course.Grader.Tests.Intake;
using Course.Grader.Tests.Intake.Archives;
using Course.Grader.Tests.Intake.GitHub;
using Course.Grader.Tests.Queue;
using Course.Grader.Tests.Support;
using Course.Grader.Web.Data;
using Course.Grader.Web.Webhooks;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// Two tiers through the real web app: the recorded push event, signed and POSTed, taken in from GitHub replayed by
/// <see cref="ReplayServer"/>. A push to the default branch of an assignment with a smoke section queues only the smoke
/// run; a tag that does not match the submit pattern submits nothing; a matching tag, a release, or the submit action
/// queues the full run, which the API shows with its place and expected result time.
/// </summary>
public sealed class SubmitTagTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 11, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Push_ThenTags_SmokeOnPushFullOnlyOnMatchingTag()
    {
        await using var github = await ReplayServer.StartAsync();
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), smoke: FairComputeTests.Smoke, students: ["ana"]);
        var (push, commit) = await RecordedPushAsync("refs/heads/master");
        ServeTarball(github, commit);
        await using var web = Web(course, github);
        using var client = web.CreateClient();

        await PostAsync(client, "push", push);
        var afterPush = await TakenInAsync(web, 1, null);
        var smokeOnly = await TiersAsync(course);
        await PostAsync(client, "push", (await RecordedPushAsync("refs/tags/v1")).Payload);
        var notMatching = await TakenInAsync(web, 2, "v1");
        await PostAsync(client, "push", (await RecordedPushAsync("refs/tags/submit-final")).Payload);
        var submitted = await TakenInAsync(web, 3, "submit-final");

        Assert.EndsWith("queued for its smoke run", afterPush.Message, StringComparison.Ordinal);
        Assert.Equal([JobTier.Smoke], smokeOnly);
        Assert.Equal(PushState.Skipped, notMatching.State);
        Assert.Equal("tag 'v1' does not match hw1's submit pattern 'submit*'", notMatching.Message);
        Assert.Equal(PushState.Recorded, submitted.State);
        Assert.Equal([JobTier.Full, JobTier.Smoke], await TiersAsync(course));
        var runs = await QueueAsync(client, course);
        var full = runs.Single(r => r.GetProperty("tier").GetString() == "full");
        Assert.Equal(2, full.GetProperty("position").GetInt32());
        Assert.StartsWith("queued for grading: #2 in line, result expected about 2026-10-11 09:", full.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Release_Published_SubmitsTheTaggedCommit()
    {
        await using var github = await ReplayServer.StartAsync();
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), smoke: FairComputeTests.Smoke, students: ["ana"]);
        var (_, commit) = await RecordedPushAsync("refs/heads/master");
        ServeTarball(github, commit);
        await using var web = Web(course, github);
        using var client = web.CreateClient();
        var release = new JsonObject
        {
            ["action"] = "published",
            ["release"] = new JsonObject { ["tag_name"] = "v1.0", ["target_commitish"] = commit },
            ["repository"] = new JsonObject { ["full_name"] = "test-org/hw1-gh-ana", ["default_branch"] = "master" },
        };

        await PostAsync(client, "release", Encoding.UTF8.GetBytes(release.ToJsonString()));
        var taken = await TakenInAsync(web, 1, "v1.0");

        Assert.Equal(PushState.Recorded, taken.State);
        Assert.True(taken.Release);
        Assert.Equal([JobTier.Full, JobTier.Smoke], await TiersAsync(course));
    }

    [Fact]
    public async Task SubmitApi_OverBudget_400WithTheNumbersWithin202WithPlace()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), smoke: FairComputeTests.Smoke, gpus: 1, gpuBudget: "1h",
            timeout: "40m", students: ["ana", "bob"]);
        var first = await RecordAsync(course, "ana", new string('1', 40));
        var second = await RecordAsync(course, "ana", new string('2', 40));
        await using var web = new GraderWebFactory(course, new FakeTimeProvider(Now), new Dictionary<string, string?>());
        using var client = web.CreateClient();

        var (acceptedStatus, accepted) = await PostSubmitAsync(client, course, "ana", first);
        var (refusedStatus, refused) = await PostSubmitAsync(client, course, "ana", second);
        var (othersStatus, _) = await PostSubmitAsync(client, course, "bob", first);

        Assert.Equal(HttpStatusCode.Accepted, acceptedStatus);
        Assert.Equal(("full", 2), (accepted.GetProperty("tier").GetString(), accepted.GetProperty("position").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, refusedStatus);
        Assert.Equal("full run of hw1 for ana refused: it would pass the GPU budget. Used 0 of 1 GPU-hours (budget 1 + granted 0), "
                     + "0.67 reserved by queued runs, and this run may use up to 0.67 (its time limit × GPUs). Ask the staff for more (grader budgets grant).",
            refused.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, othersStatus);
        Assert.Equal(3, await course.QueryAsync(db => db.Jobs.CountAsync()));
    }

    [Fact]
    public async Task SubmissionPage_SubmitForm_QueuesFullRunOnlyWithItsAntiforgeryToken()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), smoke: FairComputeTests.Smoke, students: ["ana", "bob"]);
        var id = await RecordAsync(course, "ana", new string('1', 40));
        await using var web = new GraderWebFactory(course, new FakeTimeProvider(Now), new Dictionary<string, string?>());
        using var client = web.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var ana = await PageSignIn.SessionAsync(client, await TokenAsync(course, "ana"));
        var bob = await PageSignIn.SessionAsync(client, await TokenAsync(course, "bob"));

        var (page, antiforgery) = await PageAsync(client, ana, id);
        var (forged, _) = await PostFormAsync(client, id, ana, antiforgery.Cookie, []);
        var (others, _) = await PostFormAsync(client, id, bob, antiforgery.Cookie, [antiforgery.Field]);
        var (submitted, location) = await PostFormAsync(client, id, ana, antiforgery.Cookie, [antiforgery.Field]);
        var (after, _) = await PageAsync(client, ana, id);

        Assert.Contains($"action=\"/submissions/{id}/submit\"", page);
        Assert.Equal(HttpStatusCode.BadRequest, forged);
        Assert.NotEqual(HttpStatusCode.Redirect, others);
        Assert.Equal((HttpStatusCode.Redirect, $"/submissions/{id}"), (submitted, location));
        var job = await course.QueryAsync(db => db.Jobs.SingleAsync(j => j.Tier == JobTier.Full));
        Assert.Equal(("ana", JobState.Queued), (job.Owner, job.State));
        Assert.Contains("queued for grading: #", after);
        Assert.DoesNotContain("Submit for grading", after);
    }

    private static async Task<Guid> RecordAsync(TestCourse course, string owner, string commit)
    {
        var submission = new Submission
        {
            Id = Guid.NewGuid(), Assignment = TestCourse.Assignment, Owner = owner, IsTeam = false, Repository = $"test-org/hw1-gh-{owner}",
            Commit = commit, Source = SubmissionSource.GitHub, ReceivedAt = Now, SnapshotPath = course.Directory,
        };
        await course.QueryAsync(db =>
        {
            db.Submissions.Add(submission);
            return db.SaveChangesAsync();
        });
        return submission.Id;
    }

    private static async Task<string> TokenAsync(TestCourse course, string login)
    {
        var (exit, token, error) = await course.RunAsync("users", "token", login);
        Assert.True(exit == 0, error);
        return token.Trim();
    }

    /// <summary>The submission page as <paramref name="session"/> sees it, with the antiforgery cookie and field its form carries.</summary>
    private static async Task<(string Page, (string Cookie, KeyValuePair<string, string> Field) Antiforgery)> PageAsync(HttpClient client,
        string session, Guid id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/submissions/{id}");
        request.Headers.Add("Cookie", session);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var (name, value) = PageSignIn.AntiforgeryField(page);
        return (page, (cookie.Split(';')[0], new(name, value)));
    }

    private static async Task<(HttpStatusCode Status, string? Location)> PostFormAsync(HttpClient client, Guid id, string session,
        string antiforgeryCookie, KeyValuePair<string, string>[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/submissions/{id}/submit") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", $"{session}; {antiforgeryCookie}");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostSubmitAsync(HttpClient client, TestCourse course, string login, Guid id)
    {
        var (exit, token, error) = await course.RunAsync("users", "token", login);
        Assert.True(exit == 0, error);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/submissions/{id}/submit");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonSerializer.Deserialize<JsonElement>(text) : default);
    }

    private static GraderWebFactory Web(TestCourse course, ReplayServer github) => new(course, new FakeTimeProvider(Now), new Dictionary<string, string?>
    {
        ["GitHub:Token"] = "test-token",
        ["GitHub:BaseUrl"] = github.BaseUrl.ToString(),
    });

    private static Task<List<JobTier>> TiersAsync(TestCourse course) =>
        course.QueryAsync(db => db.Jobs.OrderBy(j => j.Tier).Select(j => j.Tier).ToListAsync());

    private static async Task<List<JsonElement>> QueueAsync(HttpClient client, TestCourse course)
    {
        var id = await course.QueryAsync(db => db.Submissions.Select(s => s.Id).SingleAsync());
        var (exit, token, error) = await course.RunAsync("users", "token", "ana");
        Assert.True(exit == 0, error);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/submissions/{id}/queue");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    /// <summary>The recorded push event moved to ana's hw1 repository, to <paramref name="reference"/>.</summary>
    private static async Task<(byte[] Payload, string Commit)> RecordedPushAsync(string reference)
    {
        var payload = JsonNode.Parse(await File.ReadAllTextAsync(Fixtures.Webhook("push")))!;
        payload["repository"]!["full_name"] = "test-org/hw1-gh-ana";
        payload["repository"]!["name"] = "hw1-gh-ana";
        payload["repository"]!["owner"]!["login"] = "test-org";
        payload["ref"] = reference;
        payload["pusher"]!["name"] = "gh-ana";
        payload["sender"]!["login"] = "gh-ana";
        return (Encoding.UTF8.GetBytes(payload.ToJsonString()), payload["after"]!.GetValue<string>());
    }

    private static void ServeTarball(ReplayServer github, string commit)
    {
        using var temp = new TempFolder();
        var tarball = temp.Combine("repo.tar.gz");
        using (var builder = new TarGzBuilder(tarball))
        {
            builder.GlobalHeader(commit).File($"test-org-hw1-gh-ana-{commit[..7]}/run.sh", "echo hi\n");
        }

        github.Add("GET", $"/repos/test-org/hw1-gh-ana/tarball/{commit}", 200,
            new Dictionary<string, string> { ["content-type"] = "application/x-gzip" }, File.ReadAllBytes(tarball));
    }

    private static async Task PostAsync(HttpClient client, string eventName, byte[] payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", WebhookSignature.Sign(GraderWebFactory.Secret, payload));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Waits until <paramref name="count"/> pushes are taken in; returns the one of <paramref name="tag"/> (null: the branch push).</summary>
    private static async Task<PushReceipt> TakenInAsync(GraderWebFactory web, int count, string? tag)
    {
        List<PushReceipt> pushes = [];
        await Eventually.WaitAsync(async () =>
        {
            await using var scope = web.Services.CreateAsyncScope();
            pushes = await scope.ServiceProvider.GetRequiredService<WebDbContext>().Pushes.AsNoTracking().ToListAsync();
            return pushes.Count == count && pushes.All(p => p.State != PushState.Pending);
        }, TimeSpan.FromSeconds(60), () => $"{pushes.Count} push(es) taken in: {string.Join("; ", pushes.Select(p => p.Message))}");
        return pushes.Single(p => p.Tag == tag);
    }
}
