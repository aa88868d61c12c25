using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// <c>/api/regrades</c> through the real web host: a student asks about one item, only their team and staff see
/// it, staff list the open ones by assignment and resolve them with an override that the grade book's audit log records.
/// </summary>
public sealed class RegradesApiTests : IAsyncLifetime
{
    private WebTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _bed = await WebTestBed.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero)),
            TestCourse.CreateAsync(teamWork: true, students: ["ana", "ben", "cy"]));
        await _bed.Course.AddTeamAsync(TestCourse.TeamWork, "duo", "ana", "ben");
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Ask_TeamSeesItOthersDoNot_StaffResolvesWithAnOverrideForEachMember()
    {
        await _bed.SignInAsync("ana");
        var asked = await _bed.Client.PostAsJsonAsync("/api/regrades",
            new { assignment = TestCourse.TeamWork, item = "sum", message = "Our sum is within the tolerance." });
        var id = (await JsonAsync(asked)).GetProperty("id").GetString()!;
        await _bed.SignInAsync("ben");
        var teammate = await _bed.Client.GetFromJsonAsync<JsonElement>("/api/regrades");
        var teammateReply = await _bed.Client.PostAsJsonAsync($"/api/regrades/{id}/messages", new { message = "See line 3 of our output." });
        await _bed.SignInAsync("cy");
        var stranger = await _bed.Client.GetFromJsonAsync<JsonElement>("/api/regrades");
        var strangerRead = await _bed.Client.GetAsync($"/api/regrades/{id}");
        var strangerResolve = await _bed.Client.PostAsJsonAsync($"/api/regrades/{id}/resolve", new { score = 1.0, reason = "mine now" });
        await _bed.SignInAsync("prof");
        var open = await _bed.Client.GetFromJsonAsync<JsonElement>($"/api/regrades?assignment={TestCourse.TeamWork}");
        var otherAssignment = await _bed.Client.GetFromJsonAsync<JsonElement>($"/api/regrades?assignment={TestCourse.Assignment}");
        var resolved = await _bed.Client.PostAsJsonAsync($"/api/regrades/{id}/resolve", new { score = 0.9, reason = "tolerance applies to line 3" });
        var again = await _bed.Client.PostAsJsonAsync($"/api/regrades/{id}/resolve", new { reason = "twice" });
        var openAfter = await _bed.Client.GetFromJsonAsync<JsonElement>("/api/regrades");
        var (exit, history, _) = await _bed.Course.RunAsync("grades", "history", "--json");

        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        Assert.Equal(id, Assert.Single(teammate.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, teammateReply.StatusCode);
        Assert.Empty(stranger.EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, strangerRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, strangerResolve.StatusCode);
        var listed = Assert.Single(open.EnumerateArray());
        Assert.Equal(("duo", "ana", 2), (listed.GetProperty("team").GetString(), listed.GetProperty("askedBy").GetString(), listed.GetProperty("messages").GetArrayLength()));
        Assert.Empty(otherAssignment.EnumerateArray());
        var answer = await JsonAsync(resolved);
        Assert.Equal(("changed", "prof", 0.9), (answer.GetProperty("state").GetString(), answer.GetProperty("resolvedBy").GetString(), answer.GetProperty("newScore").GetDouble()));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already resolved", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(openAfter.EnumerateArray());
        Assert.Equal(0, exit);
        var changes = JsonDocument.Parse(history).RootElement.EnumerateArray().ToList();
        Assert.Equal(["ana", "ben"], changes.Select(c => c.GetProperty("login").GetString()).Order());
        Assert.All(changes, c => Assert.Equal((TestCourse.TeamWork, JsonValueKind.Null, 0.9, "override", "prof"),
            (c.GetProperty("assignment").GetString(), c.GetProperty("old").ValueKind, c.GetProperty("new").GetDouble(), c.GetProperty("kind").GetString(),
                c.GetProperty("by").GetString())));
        Assert.All(changes, c => Assert.Equal($"regrade {Guid.Parse(id):N} (sum): tolerance applies to line 3", c.GetProperty("reason").GetString()));
    }

    [Theory]
    [InlineData("{\"item\": \"sum\", \"message\": \"m\"}", "assignment")]
    [InlineData("{\"assignment\": \"hw3\", \"item\": \"bonus\", \"message\": \"m\"}", "item")]
    [InlineData("{\"assignment\": \"hw3\", \"item\": \"sum\", \"message\": \"  \"}", "message")]
    public async Task Ask_BadField_Answers400NamingIt(string body, string field)
    {
        await _bed.SignInAsync("ana");

        var response = await _bed.Client.PostAsync("/api/regrades", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith($"{field}:", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_Unchanged_NoOverrideAndTheReasonKept()
    {
        await _bed.SignInAsync("cy");
        var id = (await JsonAsync(await _bed.Client.PostAsJsonAsync("/api/regrades",
            new { assignment = TestCourse.Assignment, item = "score", message = "Please look again." }))).GetProperty("id").GetString()!;

        var (exit, output, error) = await _bed.Course.RunAsync("regrades", "resolve", id[..8], "--by", "prof", "--reason", "the output is wrong");
        var (_, history, _) = await _bed.Course.RunAsync("grades", "history", "--json");
        var unknownStaff = await _bed.Course.RunAsync("regrades", "resolve", id, "--by", "cy", "--reason", "x");

        Assert.True(exit == 0, error);
        Assert.Contains("unchanged", output, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(history).RootElement.GetArrayLength());
        Assert.Equal(2, unknownStaff.Exit);
        Assert.Contains("--by: 'cy' is not on the course's staff", unknownStaff.Error, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
