using Course.Core.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Course.Leaderboard.Submissions;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LeaderboardDbContext>
{
    public LeaderboardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LeaderboardDbContext>()
            .UseCourseDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design.db"), "leaderboard")
            .Options);
}
