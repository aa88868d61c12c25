using Course.Core.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Course.Credits.Ledger;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CreditsDbContext>
{
    public CreditsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CreditsDbContext>()
            .UseCourseDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design.db"), "credits")
            .Options);
}
