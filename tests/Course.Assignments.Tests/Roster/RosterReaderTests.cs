using Course.Assignments.Roster;
using Course.Assignments.Teams;
using Course.Assignments.Tests.Support;
using Course.Core.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Assignments.Tests.Roster;

/// <summary>The roster's one rule for teams and for whose work a viewer sees, on the demo course.</summary>
public sealed class RosterReaderTests : IAsyncLifetime
{
    private static readonly string[] Vision = ["ana-strong", "ben-median", "eli-python", "hal-debugger"];

    private DemoRoster _demo = null!;

    public async Task InitializeAsync() => _demo = await DemoRoster.CreateAsync();

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [Fact]
    public async Task TeamsAsync_TeamAssignment_FormedTeamsAndEveryOtherStudentAloneByLogin()
    {
        var teams = await _demo.RosterAsync(roster => roster.TeamsAsync("project", default));

        Assert.Equal(["fay-hostile", "gus-baseline", "ivy-solo", "jon-quiet", "nlp", "vision"], teams.Select(t => t.Name));
        var vision = teams.Single(t => t.Name == "vision");
        Assert.True(vision.Formed);
        Assert.Equal(Vision, vision.Members);
        Assert.All(teams.Where(t => !t.Formed), t => Assert.Equal([t.Name], t.Members));
        Assert.Equal(2, teams.Count(t => t.Formed));
    }

    [Fact]
    public async Task TeamsAsync_IndividualAssignment_EveryStudentIsATeamOfOne()
    {
        var teams = await _demo.RosterAsync(roster => roster.TeamsAsync("hw1", default));

        Assert.Equal(10, teams.Count);
        Assert.All(teams, t => Assert.Equal((false, t.Name), (t.Formed, Assert.Single(t.Members))));
    }

    [Theory]
    [InlineData("ana-strong", "vision")]
    [InlineData("dee-late", "nlp")]
    [InlineData("ivy-solo", "ivy-solo")]
    public async Task TeamOfAsyncAndTeamAsync_AStudent_FindTheTeamTeamsAsyncLists(string login, string team)
    {
        var (of, named, listed) = await _demo.RosterAsync(async roster => (
            await roster.TeamOfAsync("project", login, default),
            await roster.TeamAsync("project", team, default),
            (await roster.TeamsAsync("project", default)).Single(t => t.Members.Contains(login))));

        Assert.Equal(team, listed.Name);
        Assert.All([of, named], found =>
        {
            Assert.Equal((listed.Name, listed.Formed), (found!.Name, found.Formed));
            Assert.Equal(listed.Members, found.Members);
        });
    }

    [Fact]
    public async Task TeamAsync_LoginOfAPlacedStudent_IsNoTeam()
    {
        // A student in a team cannot also act alone under their login (a second entry on a board, a second owner).
        var team = await _demo.RosterAsync(roster => roster.TeamAsync("project", "ana-strong", default));

        Assert.Null(team);
    }

    [Fact]
    public async Task TeamOfAsync_NotEnrolled_IsNull()
    {
        var team = await _demo.RosterAsync(roster => roster.TeamOfAsync("project", "prof-ada", default));

        Assert.Null(team);
    }

    [Fact]
    public async Task VisibleWorkAsync_Student_SeesOwnWorkAndTheirTeamsOnThatAssignmentOnly()
    {
        var visible = await _demo.RosterAsync(roster => roster.VisibleWorkAsync("ana-strong", default));

        Assert.False(visible.IsEverything);
        Assert.Equal(["ana-strong", "vision"], visible.Owners);
        Assert.True(visible.Contains("project", "vision"));
        Assert.True(visible.Contains("hw1", "ana-strong"));
        Assert.False(visible.Contains("hw2", "vision"));
        Assert.False(visible.Contains("project", "nlp"));
        Assert.False(visible.Contains("hw1", "ben-median"));
    }

    [Theory]
    [InlineData("prof-ada")]
    [InlineData("ta-bob")]
    public async Task VisibleWorkAsync_Staff_SeesEverything(string login)
    {
        var visible = await _demo.RosterAsync(roster => roster.VisibleWorkAsync(login, default));

        Assert.True(visible.IsEverything);
        Assert.True(visible.Contains("project", "nlp"));
    }

    [Fact]
    public async Task StaffAndStudentAsync_Logins_ComeFromCourseJsonAndTheRoster()
    {
        var (staff, student, neither) = await _demo.RosterAsync(async roster =>
            (roster.Staff("ta-bob"), await roster.StudentAsync("ivy-solo", default), await roster.StudentAsync("ta-bob", default)));

        Assert.Equal("Bob Tutor", staff?.Name);
        Assert.Equal(new RosterStudent("ivy-solo", "Ivy Solo", "ivy@students.example.edu", "A", "ivy-solo"), student);
        Assert.Null(neither);
    }

    [Fact]
    public async Task TeamsImport_TeamNamedAfterAnEnrolledStudent_RejectedAndNothingStored()
    {
        // Named after ivy, the team would take over her work and her uploads: they are filed under her login.
        var file = _demo.Write("teams.csv", "assignment,team,login\nproject,ivy-solo,fay-hostile\nproject,ivy-solo,gus-baseline\n");

        var error = await Assert.ThrowsAsync<BadInputException>(() =>
            _demo.InScopeAsync(services => services.GetRequiredService<ITeams>().ImportAsync(file, default)));

        Assert.Contains("teams.csv:2: team 'ivy-solo' is the login of an enrolled student", error.Message, StringComparison.Ordinal);
        var ivy = await _demo.RosterAsync(roster => roster.TeamAsync("project", "ivy-solo", default));
        Assert.Equal(["ivy-solo"], ivy!.Members);
    }

    [Fact]
    public async Task RosterImport_NewLoginThatNamesATeam_RejectedAndNotEnrolled()
    {
        // Enrolled as "vision", a student would see the vision team's work as their own.
        var file = _demo.Write("late.csv", "login,name,email\nvision,Mallory,mallory@students.example.edu\n");

        var error = await Assert.ThrowsAsync<BadInputException>(() =>
            _demo.InScopeAsync(services => services.GetRequiredService<IRosterImport>().ImportAsync(file, default)));

        Assert.Contains("late.csv:2: login 'vision' is the name of team 'vision' of project", error.Message, StringComparison.Ordinal);
        Assert.Null(await _demo.RosterAsync(roster => roster.StudentAsync("vision", default)));
    }

    [Fact]
    public async Task FormAsync_StudentWhoseLoginIsAGeneratedName_NewTeamsSkipThatName()
    {
        await _demo.InScopeAsync(services => services.GetRequiredService<IRosterImport>()
            .ImportAsync(_demo.Write("more.csv", "login,name,email\nteam-01,Tea Mone,tea@students.example.edu\n"), default));

        await _demo.InScopeAsync(services => services.GetRequiredService<ITeams>().FormAsync("hw2", seed: 1, default));

        var teams = await _demo.RosterAsync(roster => roster.TeamsAsync("hw2", default));
        Assert.All(teams, t => Assert.True(t.Formed));
        Assert.DoesNotContain(teams, t => t.Name == "team-01");
        Assert.Single(teams, t => t.Members.Contains("team-01"));
    }
}
