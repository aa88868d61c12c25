using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Course.Core.Database;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a module's context without the host, with the same
/// options (history table, table prefix, portable types) the host uses.
/// </summary>
public abstract class ModuleDesignTimeFactory<TContext>(string module, Func<DbContextOptions<TContext>, TContext> create)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        create(new DbContextOptionsBuilder<TContext>()
            .UseCourseDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design.db"), module)
            .Options);
}
