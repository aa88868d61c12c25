using Course.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades;

/// <summary>The grade book's tables: TA rubric grades and audited score overrides.</summary>
public sealed class GradebookDbContext(DbContextOptions<GradebookDbContext> options) : DbContext(options)
{
    public DbSet<ManualGrade> ManualGrades => Set<ManualGrade>();

    public DbSet<ScoreOverride> ScoreOverrides => Set<ScoreOverride>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePortableTypes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ManualGrade>(grade =>
        {
            grade.ToTable("manual_grades");
            grade.HasKey(g => g.Id);
            grade.HasIndex(g => new { g.Assignment, g.Login, g.Item, g.At });
        });
        modelBuilder.Entity<ScoreOverride>(change =>
        {
            change.ToTable("score_overrides");
            change.HasKey(o => o.Id);
            change.HasIndex(o => new { o.Assignment, o.Login, o.At });
        });
    }
}
