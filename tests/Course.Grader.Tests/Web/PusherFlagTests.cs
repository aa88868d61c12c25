using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Grader.Submissions;
using Course.Grader.Tests.Intake;
using Course.Grader.Tests.Intake.Archives;
using Course.Grader.Tests.Intake.GitHub;
using Course.Grader.Tests.Support;
using Course.Grader.Web.Data;
using Course.Grader.Web.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// The recorded push event, signed and POSTed to the web app with the repository and the pusher changed, taken in
/// by the push dispatcher from GitHub replayed by <see cref="ReplayServer"/>: a push into a repository by someone
/// whose work it is not is recorded and queued like any other, and flagged for staff only.
/// </summary>
public sealed class PusherFlagTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 11, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("hw1-gh-ana", "gh-bob", "pushed by bob (GitHub 'gh-bob'), not by {owner}")]
    [InlineData("hw1-gh-ana", "mallory", "pushed by GitHub user 'mallory' (not in the roster or staff), not by {owner}")]
    [InlineData("hw1-gh-ana", "GH-Ana", null)]
    [InlineData("hw1-gh-ana", "prof", null)]
    public async Task Push_BySomeoneElse_RecordedQueuedAndFlaggedForStaffOnly(string repository, string pusher, string? expected)
    {
        await using var github = await ReplayServer.StartAsync();
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), students: ["ana", "bob"]);
        var (payload, commit) = await RecordedPushAsync($"test-org/{repository}", pusher);
        ServeTarball(github, $"test-org/{repository}", commit);
        await using var web = new GraderWebFactory(course, new FakeTimeProvider(Now), new Dictionary<string, string?>
        {
            ["GitHub:Token"] = "test-token",
            ["GitHub:BaseUrl"] = github.BaseUrl.ToString(),
        });
        using var client = web.CreateClient();

        await PostPushAsync(client, payload);
        var push = await TakenInAsync(web);

        var submission = await course.QueryAsync(db => db.Submissions.SingleAsync());
        var flag = expected?.Replace("{owner}", submission.Owner, StringComparison.Ordinal);
        Assert.Equal(PushState.Recorded, push.State);
        Assert.Equal(pusher, push.Pusher);
        Assert.Equal(commit, submission.Commit);
        Assert.Equal(flag, submission.StaffFlag);
        Assert.Single(await course.QueryAsync(db => db.Jobs.Where(j => j.SubmissionId == submission.Id).ToListAsync()));
        Assert.EndsWith(flag is null ? "queued for grading" : $"queued for grading; flagged for staff: {flag}", push.Message, StringComparison.Ordinal);
        Assert.Equal(flag, await StaffFlagSeenByAsync(client, course, "prof"));
        Assert.Null(await StaffFlagSeenByAsync(client, course, "ana"));
        var (exit, jobs, error) = await course.RunAsync("jobs");
        Assert.True(exit == 0, error);
        Assert.Equal(flag is not null, jobs.Contains("FLAGGED pushed by", StringComparison.Ordinal));
    }

    /// <summary>
    /// Team work, checked on a recorded submission of the team (a team repository's tarball cannot be taken in yet:
    /// a team id holds a '/', which the snapshot folder refuses).
    /// </summary>
    [Theory]
    [InlineData("gh-bob", null)]
    [InlineData("gh-cy", "pushed by cy (GitHub 'gh-cy'), not by a member of team {owner}")]
    public async Task FlagAsync_PushToTeamRepository_MemberNotFlaggedOthersFlagged(string pusher, string? expected)
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Now), competition: true, students: ["ana", "bob", "cy"]);
        await ImportTeamAsync(course, "hw2,duo,ana", "hw2,duo,bob");
        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();
        var team = (await scope.ServiceProvider.GetRequiredService<RosterLookup>().FindAsync(TestCourse.Competition, "gh-ana", CancellationToken.None))!;
        var commit = new string('a', 40);
        await course.QueryAsync(async db =>
        {
            db.Submissions.Add(new Submission
            {
                Id = Guid.NewGuid(), Assignment = TestCourse.Competition, Owner = team.Id, IsTeam = true, Repository = "test-org/hw2-gh-ana",
                Commit = commit, Source = SubmissionSource.GitHub, ReceivedAt = Now,
            });
            return await db.SaveChangesAsync();
        });

        var flag = await scope.ServiceProvider.GetRequiredService<PusherCheck>().FlagAsync(TestCourse.Competition,
            new FetchEntry("test-org/hw2-gh-ana", team.Id, commit, FetchStatus.Recorded, null, Now, true), pusher, CancellationToken.None);

        var expectedFlag = expected?.Replace("{owner}", team.Id, StringComparison.Ordinal);
        Assert.True(team.IsTeam);
        Assert.Equal(expectedFlag, flag);
        Assert.Equal(expectedFlag, await course.QueryAsync(db => db.Submissions.Select(s => s.StaffFlag).SingleAsync()));
    }

    private static async Task ImportTeamAsync(TestCourse course, params string[] rows)
    {
        var teams = Path.Combine(course.Directory, "teams.csv");
        await File.WriteAllTextAsync(teams, "assignment,team,login\n" + string.Join('\n', rows) + "\n");
        var (exit, _, error) = await course.RunAsync("teams", "import", teams);
        Assert.True(exit == 0, error);
    }

    /// <summary>The recorded push to Codertocat/Hello-World's default branch, moved to <paramref name="repository"/> and made by <paramref name="pusher"/>.</summary>
    private static async Task<(byte[] Payload, string Commit)> RecordedPushAsync(string repository, string pusher)
    {
        var payload = JsonNode.Parse(await File.ReadAllTextAsync(Fixtures.Webhook("push")))!;
        payload["repository"]!["full_name"] = repository;
        payload["repository"]!["name"] = repository.Split('/')[1];
        payload["repository"]!["owner"]!["login"] = repository.Split('/')[0];
        payload["pusher"]!["name"] = pusher;
        payload["sender"]!["login"] = pusher;
        return (Encoding.UTF8.GetBytes(payload.ToJsonString()), payload["after"]!.GetValue<string>());
    }

    private static void ServeTarball(ReplayServer github, string repository, string commit)
    {
        using var temp = new TempFolder();
        var tarball = temp.Combine("repo.tar.gz");
        using (var builder = new TarGzBuilder(tarball))
        {
            builder.GlobalHeader(commit).File($"{repository.Replace('/', '-')}-{commit[..7]}/run.sh", "echo hi\n");
        }

        github.Add("GET", $"/repos/{repository}/tarball/{commit}", 200,
            new Dictionary<string, string> { ["content-type"] = "application/x-gzip" }, File.ReadAllBytes(tarball));
    }

    private static async Task PostPushAsync(HttpClient client, byte[] payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-GitHub-Event", "push");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", WebhookSignature.Sign(GraderWebFactory.Secret, payload));
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Waits for the push dispatcher to take the push in.</summary>
    private static async Task<PushReceipt> TakenInAsync(GraderWebFactory web)
    {
        PushReceipt? push = null;
        await Eventually.WaitAsync(async () =>
        {
            await using var scope = web.Services.CreateAsyncScope();
            push = await scope.ServiceProvider.GetRequiredService<WebDbContext>().Pushes.AsNoTracking().SingleOrDefaultAsync();
            return push is { State: not PushState.Pending };
        }, TimeSpan.FromSeconds(60), () => $"the push was not taken in: {push?.Message}");
        return push!;
    }

    /// <summary>The staff flag of the only submission in <c>GET /api/submissions</c> as <paramref name="login"/> sees it.</summary>
    private static async Task<string?> StaffFlagSeenByAsync(HttpClient client, TestCourse course, string login)
    {
        var (exit, token, error) = await course.RunAsync("users", "token", login);
        Assert.True(exit == 0, error);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/submissions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var submission = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        return submission.GetProperty("staffFlag").GetString();
    }
}
