using Course.Core.Cli;
using Course.Core.Database;
using Microsoft.Extensions.Configuration;

namespace Course.Core.Tests.Database;

public sealed class DatabaseSettingsTests
{
    [Fact]
    public void From_NoConnectionString_UsesCourseDbBesideCourseFile()
    {
        var settings = DatabaseSettings.From(Configuration(null), new CoursePaths("/srv/dl/course.json"));

        Assert.Equal(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=/srv/dl/course.db"), settings);
    }

    [Fact]
    public void From_PostgreSqlConnectionString_SelectsNpgsql()
    {
        var settings = DatabaseSettings.From(Configuration("Host=127.0.0.1;Database=course;Username=grader"),
            new CoursePaths("/srv/dl/course.json"));

        Assert.Equal(DatabaseProvider.PostgreSql, settings.Provider);
    }

    [Fact]
    public void From_SqliteConnectionString_KeepsIt()
    {
        var settings = DatabaseSettings.From(Configuration("Data Source=/var/lib/course/dl.db"), new CoursePaths("/srv/dl/course.json"));

        Assert.Equal(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=/var/lib/course/dl.db"), settings);
    }

    private static IConfiguration Configuration(string? connectionString) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Course"] = connectionString })
            .Build();
}
