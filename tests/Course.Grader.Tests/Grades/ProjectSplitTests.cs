using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Core.Errors;
using Course.Grader.Grades;
using Course.Grader.Grades.Projects;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Grades;

/// <summary>
/// Team projects, with values computed by hand. Milestones topic 10, report 30, final 60; the team (ana, ben, cy)
/// scores 100, 80 and 70 on them: team = (10·1 + 30·0.8 + 60·0.7) / 100 = 0.76. Cap 1.25.
/// </summary>
public sealed class ProjectSplitTests
{
    private const string Project = "proj";

    [Fact]
    public async Task Contributions_FromTheSnapshot_SplitByTheCappedRule()
    {
        using var course = await ProjectCourseAsync();
        var snapshot = Directory.CreateDirectory(Path.Combine(course.Directory, "snapshot")).FullName;
        await File.WriteAllTextAsync(Path.Combine(snapshot, "CONTRIBUTIONS"), "# who did what\nana: 50%\nben: 30\n\ncy: 20\n");
        await course.GradedSubmissionAsync("trio", "report", Project, isTeam: true, snapshot: snapshot);

        var imported = await course.RunAsync("grades", "contributions", Project, "--team", "trio", "--by", "prof");
        var grades = await ComputeAsync(course);

        Assert.True(imported.Exit == 0, imported.Error);
        // shares 0.5, 0.3, 0.2 × 3 members = 1.5 (capped 1.25), 0.9, 0.6; × 0.76.
        Assert.Equal([0.95, 0.684, 0.456], Column(grades).Select(f => Math.Round(f!.Value, 6)));
        Assert.Equal(60 * 0.95, grades.Single(r => r.Login == "ana").Total, 6);
    }

    [Fact]
    public async Task Contributions_MemberStatedNothing_FlaggedNotZeroed()
    {
        using var course = await ProjectCourseAsync();
        foreach (var (login, percent) in new[] { ("ana", "60"), ("ben", "40"), ("cy", "0") })
        {
            Assert.Equal(0, (await course.RunAsync("grades", "set", Project, "--student", login, "--item", Gradebook.ContributionItem,
                "--points", percent, "--by", "prof")).Exit);
        }

        var grades = await ComputeAsync(course);
        var (exit, listing, _) = await course.RunAsync("grades", "project", Project);
        var json = JsonDocument.Parse((await course.RunAsync("grades", "project", Project, "--json")).Out).RootElement;

        // ana 0.6 × 3 = 1.8, capped 1.25 → 0.95; ben 0.4 × 3 = 1.2 → 0.912; cy: no score, a flag.
        Assert.Equal([0.95, 0.912, null], Column(grades).Select(f => f is { } v ? Math.Round(v, 6) : (double?)null));
        Assert.Equal(ProjectSplit.NothingContributed, grades.Single(r => r.Login == "cy").Assignments[Project].Missing);
        Assert.Equal(0, exit);
        Assert.Contains("cy: contribution 0%, score -  FLAGGED: contributed nothing", listing, StringComparison.Ordinal);
        var team = Assert.Single(json.EnumerateArray());
        Assert.Equal(0.76, team.GetProperty("teamScore").GetDouble(), 6);
        Assert.Equal(ProjectSplit.NothingContributed, team.GetProperty("members")[2].GetProperty("flag").GetString());
    }

    [Fact]
    public async Task Contributions_NotAllStated_EveryMemberGetsTheTeamScore()
    {
        using var course = await ProjectCourseAsync();
        Assert.Equal(0, (await course.RunAsync("grades", "set", Project, "--student", "ana", "--item", Gradebook.ContributionItem,
            "--points", "90", "--by", "prof")).Exit);

        var grades = await ComputeAsync(course);

        Assert.Equal([0.76, 0.76, 0.76], Column(grades).Select(f => Math.Round(f!.Value, 6)));
    }

    [Theory]
    [InlineData("ana: 50\nben 30\ncy: 20\n", "CONTRIBUTIONS:2: 'ben 30' is not 'login: percent'")]
    [InlineData("ana: 50\nben: 30\nzed: 20\n", "CONTRIBUTIONS:3: 'zed' is not a member of team trio (ana, ben, cy)")]
    [InlineData("ana: 50\nben: 30\nben: 20\n", "CONTRIBUTIONS:3: ben is listed twice")]
    [InlineData("ana: 50\nben: lots\ncy: 20\n", "CONTRIBUTIONS:2: 'lots' is not a percentage between 0 and 100")]
    [InlineData("ana: 50\nben: -30\ncy: 20\n", "CONTRIBUTIONS:2: '-30' is not a percentage between 0 and 100")]
    [InlineData("ana: 50\nben: 30\n", "CONTRIBUTIONS: cy of team trio is not listed")]
    [InlineData("ana: 50\nben: 30\ncy: 10\n", "CONTRIBUTIONS: the percentages add up to 90, not 100")]
    public void Parse_BadFile_NamesTheLine(string text, string problem)
    {
        var error = Assert.Throws<BadInputException>(() => ContributionsFile.Parse(text, ["ana", "ben", "cy"], "trio"));

        Assert.Contains(problem, error.Problems.Count > 0 ? error.Problems : [error.Message]);
    }

    [Fact]
    public async Task Contributions_BadFileInTheSnapshot_ExitsTwoAndRecordsNothing()
    {
        using var course = await ProjectCourseAsync();
        var snapshot = Directory.CreateDirectory(Path.Combine(course.Directory, "snapshot")).FullName;
        await File.WriteAllTextAsync(Path.Combine(snapshot, "CONTRIBUTIONS"), "ana: 100\nben: 0\nmallory: 0\n");
        await course.GradedSubmissionAsync("trio", "report", Project, isTeam: true, snapshot: snapshot);

        var (exit, _, error) = await course.RunAsync("grades", "contributions", Project, "--team", "trio", "--by", "prof");
        var grades = await ComputeAsync(course);

        Assert.Equal(2, exit);
        Assert.Contains("CONTRIBUTIONS:3: 'mallory' is not a member of team trio", error, StringComparison.Ordinal);
        Assert.Equal([0.76, 0.76, 0.76], Column(grades).Select(f => Math.Round(f!.Value, 6)));
    }

    [Fact]
    public async Task ContributionCap_BelowOne_ExitsTwoNamingTheField()
    {
        using var course = await ProjectCourseAsync();
        await CourseJsonEdit.ApplyAsync(course, json => json["assignments"]![1]!["project"]!["contributionCap"] = 0.5);

        var (exit, _, error) = await course.RunAsync("grades", "project", Project);

        Assert.Equal(2, exit);
        Assert.Contains("project.contributionCap", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.8, 1.5, 3, 1.25, 1.0)]
    [InlineData(0.5, 0.2, 4, 1.25, 0.4)]
    [InlineData(0.6, 0.5, 2, 1.5, 0.6)]
    public void Individual_Rule_MinOfCapAndShareTimesMembersAtMostFullMarks(double team, double share, int members, double cap, double expected) =>
        Assert.Equal(expected, ProjectSplit.Individual(team, share, members, cap), 9);

    /// <summary>A course with hw1 (weight 40) and the project (weight 60, team trio), its milestones graded for the team.</summary>
    private static async Task<TestCourse> ProjectCourseAsync()
    {
        var course = await TestCourse.CreateAsync(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)),
            students: ["ana", "ben", "cy"]);
        await CourseJsonEdit.ApplyAsync(course, json =>
        {
            var assignments = json["assignments"]!.AsArray();
            assignments[0]!["weight"] = 40;
            assignments.Add(JsonNode.Parse($$"""
                {
                  "id": "{{Project}}", "title": "Team project", "kind": "project", "release": "2026-10-01T09:00",
                  "deadline": "2027-01-31T23:59", "weight": 60, "teamSize": { "min": 1, "max": 3 },
                  "project": {
                    "contributionCap": 1.25,
                    "milestones": [
                      { "id": "topic", "title": "Topic", "weight": 10, "due": "2026-11-01T23:59" },
                      { "id": "report", "title": "Report", "weight": 30, "due": "2026-12-01T23:59" },
                      { "id": "final", "title": "Final", "weight": 60, "due": "2027-01-31T23:59" }
                    ]
                  }
                }
                """));
        });
        await course.AddTeamAsync(Project, "trio", "ana", "ben", "cy");
        // Any member's grade of a milestone stands for the team.
        foreach (var (login, milestone, points) in new[] { ("ana", "topic", "100"), ("ben", "report", "80"), ("cy", "final", "70") })
        {
            var (exit, _, error) = await course.RunAsync("grades", "set", Project, "--student", login, "--item", milestone, "--points", points, "--by", "prof");
            Assert.True(exit == 0, error);
        }

        return course;
    }

    private static async Task<IReadOnlyList<GradebookRow>> ComputeAsync(TestCourse course)
    {
        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Gradebook>().ComputeAsync(CancellationToken.None);
    }

    // ana, ben, cy: the roster's order.
    private static double?[] Column(IReadOnlyList<GradebookRow> grades) => grades.Select(row => row.Assignments[Project].Fraction).ToArray();
}
