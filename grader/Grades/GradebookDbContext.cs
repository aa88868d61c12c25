using Course.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades;

/// <summary>The grade book's tables: TA rubric grades, score overrides, extensions and the audit log of grade changes.</summary>
public sealed class GradebookDbContext(DbContextOptions<GradebookDbContext> options) : DbContext(options)
{
    public DbSet<ManualGrade> ManualGrades => Set<ManualGrade>();

    public DbSet<ScoreOverride> ScoreOverrides => Set<ScoreOverride>();

    public DbSet<Extension> Extensions => Set<Extension>();

    public DbSet<GradeChange> GradeChanges => Set<GradeChange>();

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
        modelBuilder.Entity<Extension>(extension =>
        {
            extension.ToTable("extensions");
            extension.HasKey(e => e.Id);
            extension.HasIndex(e => new { e.Assignment, e.Owner, e.GrantedAt });
        });
        modelBuilder.Entity<GradeChange>(change =>
        {
            change.ToTable("grade_changes");
            change.HasKey(c => c.Id);
            change.HasIndex(c => new { c.Login, c.Assignment, c.At });
        });
    }
}
