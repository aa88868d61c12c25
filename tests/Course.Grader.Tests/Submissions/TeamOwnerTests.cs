using Course.Grader.Grades;
using Course.Grader.Grading;
using Course.Grader.Submissions;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Submissions;

/// <summary>
/// A team's work is filed under the team's name, the one identity the roster, the leaderboard and the grade book
/// share: a team's repository reaches the board, a team's result reaches every member's grade, and work filed
/// under the former "assignment/team" owner is renamed by <c>grader db migrate</c>.
/// </summary>
public sealed class TeamOwnerTests
{
    private const string BeforeTeamNames = "20261123230503_TrainingCurvePath";

    private static readonly DateTimeOffset Open = new(2026, 10, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TeamRepository_ScoredByTheLeaderboard_CountsForTheTeam()
    {
        using var course = await TestCourse.CreateAsync(new FakeTimeProvider(Open), deadline: "2099-01-01T00:00", competition: true,
            students: ["ana", "ben"]);
        await course.AddTeamAsync(TestCourse.Competition, "owls", "ana", "ben");
        var predictions = Path.Combine(course.Directory, "predictions.csv");
        await File.WriteAllTextAsync(predictions, "id,label\n1,a\n2,b\n3,a\n4,b\n");
        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();
        var lookup = scope.ServiceProvider.GetRequiredService<RosterLookup>();

        var byName = await lookup.FindAsync(TestCourse.Competition, "owls", CancellationToken.None);
        var byMember = await lookup.FindAsync(TestCourse.Competition, "gh-ben", CancellationToken.None);
        var scored = await scope.ServiceProvider.GetRequiredService<ICompetitionScorer>()
            .ScoreAsync(TestCourse.Competition, byName!.Id, predictions, "hw2/owls/commit", Open, CancellationToken.None);

        Assert.Equal(new SubmissionOwner("owls", IsTeam: true), byName);
        Assert.Equal(byName, byMember);
        Assert.Null(scored.Problem);
        Assert.Equal(1.0, scored.Score);
    }

    [Fact]
    public async Task StudentWithoutATeam_OnATeamAssignment_WorksAlone()
    {
        using var course = await TestCourse.CreateAsync(competition: true, students: ["ana", "cy"]);
        await course.AddTeamAsync(TestCourse.Competition, "owls", "ana");
        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();

        var owner = await scope.ServiceProvider.GetRequiredService<RosterLookup>().FindAsync(TestCourse.Competition, "gh-cy", CancellationToken.None);

        Assert.Equal(new SubmissionOwner("cy", IsTeam: false), owner);
    }

    [Fact]
    public async Task Gradebook_TeamResult_CountsForEveryMemberAndNoOneElse()
    {
        using var course = await TestCourse.CreateAsync(teamWork: true, students: ["ana", "ben", "cy"]);
        await course.AddTeamAsync(TestCourse.TeamWork, "owls", "ana", "ben");
        await course.GradedSubmissionAsync("owls", "# hw3: owls\n", TestCourse.TeamWork, isTeam: true);
        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();

        var rows = await scope.ServiceProvider.GetRequiredService<Gradebook>().ComputeAsync(CancellationToken.None);

        var grades = rows.ToDictionary(r => r.Login, r => r.Assignments[TestCourse.TeamWork].Fraction);
        Assert.Equal(new Dictionary<string, double?> { ["ana"] = 1.0, ["ben"] = 1.0, ["cy"] = null }, grades);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DbMigrate_TeamWorkFiledUnderAssignmentSlashTeam_IsFiledUnderTheTeamsName(bool postgres)
    {
        await using var cluster = postgres ? await PostgresCluster.StartAsync() : null;
        using var course = await TestCourse.CreateAsync(connectionString: cluster?.ConnectionString, teamWork: true, students: ["ana", "ben"]);
        await using (var services = course.Services())
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GraderDbContext>();
            await db.Database.GetService<IMigrator>().MigrateAsync(BeforeTeamNames);
            await StoreWorkOfTheOldSchemaAsync(db, "s-team", TestCourse.TeamWork, "hw3/owls", isTeam: true);
            await StoreWorkOfTheOldSchemaAsync(db, "s-ana", TestCourse.Assignment, "ana", isTeam: false);
        }

        var (exit, _, error) = await course.RunAsync("db", "migrate");

        Assert.True(exit == 0, error);
        Assert.Equal(["ana", "owls"], await course.QueryAsync(db => db.Submissions.OrderBy(s => s.Assignment).Select(s => s.Owner).ToListAsync()));
        Assert.Equal(["ana", "owls"], await course.QueryAsync(db => db.Jobs.OrderBy(j => j.Assignment).Select(j => j.Owner).ToListAsync()));
        Assert.Equal(["ana", "owls"], await course.QueryAsync(db => db.Results.OrderBy(r => r.Assignment).Select(r => r.Owner).ToListAsync()));
    }

    /// <summary>A submission, its job and its result as the schema before team names stored them (only the columns it had).</summary>
    private static async Task StoreWorkOfTheOldSchemaAsync(GraderDbContext db, string id, string assignment, string owner, bool isTeam)
    {
        var job = $"j-{id}";
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO grader_submissions ("Id", "Assignment", "Owner", "IsTeam", "Repository", "Commit", "Source", "ReceivedAt", "SnapshotPath", "IntakeNotes")
            VALUES ({id}, {assignment}, {owner}, {isTeam}, 'repo', 'c0ffee', 'Local', 0, '', '')
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO grader_jobs ("Id", "SubmissionId", "Assignment", "Owner", "Commit", "State", "Attempts", "FairSequence", "EnqueuedAt", "NextAttemptAt")
            VALUES ({job}, {id}, {assignment}, {owner}, 'c0ffee', 'Done', 1, 0, 0, 0)
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO grader_results ("JobId", "SubmissionId", "Assignment", "Owner", "Commit", "Verdict", "RawScore", "Score", "MaxScore", "LateDays",
                "StdoutTail", "StderrTail", "SandboxResultJson", "FeedbackPath", "RecordedAt")
            VALUES ({job}, {id}, {assignment}, {owner}, 'c0ffee', 'Graded', 2, 2, 2, 0, '', '', '', '', 0)
            """);
    }
}
