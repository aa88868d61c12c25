using Course.Core.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Course.Grader.Grades;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class GradebookDesignTimeFactory : IDesignTimeDbContextFactory<GradebookDbContext>
{
    public GradebookDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GradebookDbContext>()
            .UseCourseDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design.db"), "gradebook")
            .Options);
}
