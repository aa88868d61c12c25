using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Course.Leaderboard.Tests.Support;

/// <summary>No fsync per commit in tests: a throw-away database needs no durability, and the suite stays fast on a busy machine.</summary>
internal sealed class FastSqlite : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=OFF;";
        command.ExecuteNonQuery();
    }
}
