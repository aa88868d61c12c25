using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Web;

/// <summary>
/// Team work is filed under the team's name, and names repeat across assignments (teams formed at random are
/// team-01, team-02, ... on each): ana and ben are team-01 of the competition, cy and dee team-01 of the team
/// homework. What a student may see is decided per assignment, so one team-01 never opens the other's work.
/// </summary>
public sealed class TeamWorkVisibilityTests : IAsyncLifetime
{
    private WebTestBed _bed = null!;
    private Guid _competitionWork;
    private Guid _homeworkWork;

    public async Task InitializeAsync()
    {
        _bed = await WebTestBed.StartAsync(new FakeTimeProvider(),
            TestCourse.CreateAsync(competition: true, teamWork: true, students: ["ana", "ben", "cy", "dee"]));
        await _bed.Course.AddTeamAsync(TestCourse.Competition, "team-01", "ana", "ben");
        await _bed.Course.AddTeamAsync(TestCourse.TeamWork, "team-01", "cy", "dee");
        _competitionWork = await _bed.Course.GradedSubmissionAsync("team-01", "# hw2: team-01\n", TestCourse.Competition, isTeam: true);
        _homeworkWork = await _bed.Course.GradedSubmissionAsync("team-01", "# hw3: team-01 of cy and dee\n", TestCourse.TeamWork, isTeam: true);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Feedback_OwnTeamsWork_ReturnsTheReport()
    {
        await _bed.SignInAsync("ben");

        var response = await _bed.Client.GetAsync($"/api/submissions/{_competitionWork}/feedback");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# hw2: team-01", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_SameTeamNameOnAnotherAssignment_Returns404AsIfMissing()
    {
        await _bed.SignInAsync("ana");

        var response = await _bed.Client.GetAsync($"/api/submissions/{_homeworkWork}/feedback");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("cy and dee", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmissionPage_SameTeamNameOnAnotherAssignment_Returns404()
    {
        await _bed.SignInAsync("ana");

        var response = await _bed.Client.GetAsync($"/submissions/{_homeworkWork}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Submissions_StudentListingTheirTeamsName_SeesOnlyTheirTeamsWork()
    {
        await _bed.SignInAsync("ana");

        var listed = await _bed.Client.GetFromJsonAsync<JsonElement>("/api/submissions?owner=team-01");

        var ids = listed.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([_competitionWork], ids);
    }

    [Fact]
    public async Task Submissions_StudentAskingForTheSameNameOnAnotherAssignment_Returns403()
    {
        await _bed.SignInAsync("ana");

        var response = await _bed.Client.GetAsync($"/api/submissions?assignment={TestCourse.TeamWork}&owner=team-01");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Submissions_Staff_SeeBothTeams()
    {
        await _bed.SignInAsync("prof");

        var listed = await _bed.Client.GetFromJsonAsync<JsonElement>("/api/submissions?owner=team-01");

        Assert.Equal(2, listed.GetArrayLength());
    }
}
