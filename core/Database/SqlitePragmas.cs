using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Course.Core.Database;

/// <summary>
/// WAL journal and a busy timeout on every SQLite connection, so the web server, workers and
/// command-line tools can use one database file at the same time. They are set once per native
/// connection: a pooled connection keeps them, and setting them again on each open cost three
/// statements every time EF Core opened a connection (a dozen times per graded job).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];

    public static SqlitePragmas Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && _configured.TryGetValue(handle, out _))
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
            command.ExecuteNonQuery();
        }

        if (handle is not null)
        {
            _configured.AddOrUpdate(handle, this);
        }
    }
}
