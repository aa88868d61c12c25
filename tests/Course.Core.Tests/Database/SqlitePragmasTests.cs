using Course.Core.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Course.Core.Tests.Database;

public sealed class SqlitePragmasTests
{
    [Fact]
    public void Open_PooledConnectionOpenedAgain_StillHasWalBusyTimeoutAndForeignKeys()
    {
        var file = Path.Combine(Path.GetTempPath(), $"course-pragmas-{Guid.NewGuid():N}.db");
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}");
        try
        {
            SQLitePCL.sqlite3 pooled;
            using (var first = Context(settings))
            {
                first.Database.OpenConnection();
                pooled = ((SqliteConnection)first.Database.GetDbConnection()).Handle!;
                first.Database.CloseConnection();
            }

            using var second = Context(settings);
            second.Database.OpenConnection();
            var connection = (SqliteConnection)second.Database.GetDbConnection();
            // The same native connection, out of the pool: the pragmas were not set on this open.
            Assert.Same(pooled, connection.Handle);

            Assert.Equal("wal", Pragma(connection, "journal_mode"));
            Assert.Equal("30000", Pragma(connection, "busy_timeout"));
            Assert.Equal("1", Pragma(connection, "foreign_keys"));
            second.Database.CloseConnection();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(path);
            }
        }
    }

    private static DbContext Context(DatabaseSettings settings) =>
        new(new DbContextOptionsBuilder().UseCourseDatabase(settings, "pragmas").Options);

    private static string Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
