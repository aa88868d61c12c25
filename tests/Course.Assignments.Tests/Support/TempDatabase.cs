using Course.Assignments.Roster;
using Course.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace Course.Assignments.Tests.Support;

/// <summary>A migrated SQLite database file of its own per test.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"course-test-{Guid.NewGuid():N}.db");

    public TempDatabase() => Context().Database.Migrate();

    public AssignmentsDbContext Context() =>
        new(new DbContextOptionsBuilder<AssignmentsDbContext>()
            .UseCourseDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={_path};Pooling=false"), "assignments")
            .Options);

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
