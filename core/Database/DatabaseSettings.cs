using Course.Core.Cli;
using Microsoft.Extensions.Configuration;

namespace Course.Core.Database;

/// <summary>Which database a course uses: SQLite (default) or PostgreSQL.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// <c>ConnectionStrings__Course</c> when set (a PostgreSQL string is recognised by its
    /// <c>Host=</c> key), otherwise the SQLite file <c>course.db</c> beside course.json.
    /// </summary>
    public static DatabaseSettings From(IConfiguration configuration, CoursePaths paths)
    {
        var configured = configuration.GetConnectionString("Course");
        if (string.IsNullOrWhiteSpace(configured))
        {
            return new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(paths.Directory, "course.db")}");
        }

        return configured.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? new(DatabaseProvider.PostgreSql, configured)
            : new(DatabaseProvider.Sqlite, configured);
    }
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
