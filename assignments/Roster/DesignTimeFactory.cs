using Course.Core.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Course.Assignments.Roster;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AssignmentsDbContext>
{
    public AssignmentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AssignmentsDbContext>()
            .UseCourseDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design.db"), "assignments")
            .Options);
}
