using Course.Assignments.Model;
using Course.Assignments.Roster;
using Course.Core.Database;
using Course.Leaderboard.Boards;
using Course.Leaderboard.Scoring;
using Course.Leaderboard.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Course.Leaderboard.Tests.Support;

/// <summary>A leaderboard over its own SQLite file, a fake clock and fixed teams; one DbContext per operation, as one request gets.</summary>
internal sealed class LeaderboardHarness : IDisposable
{
    private readonly SolutionCache _solutions = new();

    public LeaderboardHarness(CourseSpec course, IReadOnlyList<RosterTeam> teams, DateTimeOffset start)
    {
        Course = new FakeCourse(course, Folder.Path);
        Teams = new FakeTeams(teams);
        Clock = new FakeTimeProvider(start);
        using var db = Database();
        db.Database.Migrate();
    }

    public TempFolder Folder { get; } = new();

    public FakeCourse Course { get; }

    public FakeTeams Teams { get; }

    public FakeTimeProvider Clock { get; }

    public LeaderboardDbContext Database() =>
        new(new DbContextOptionsBuilder<LeaderboardDbContext>()
            .UseCourseDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Folder.File("course.db")}"), "leaderboard")
            .AddInterceptors(new FastSqlite())
            .Options);

    public async Task<T> SubmissionsAsync<T>(Func<SubmissionService, Task<T>> work)
    {
        await using var db = Database();
        return await work(new SubmissionService(db, Course, Teams, _solutions, Clock));
    }

    public async Task<T> BoardsAsync<T>(Func<BoardService, Task<T>> work)
    {
        await using var db = Database();
        return await work(new BoardService(db, Course, Teams, Clock));
    }

    public void Dispose() => Folder.Dispose();
}
