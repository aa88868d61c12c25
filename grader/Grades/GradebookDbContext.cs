using Course.Core.Database;
using Course.Grader.Grades.Notices;
using Course.Grader.Grades.Regrades;
using Course.Grader.Grades.Review;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Grades;

/// <summary>The grade book's tables: TA rubric grades, audited score overrides, extensions, the audit log of grade changes,
/// regrade threads, released assignments and the TA review queue's reviews.</summary>
public sealed class GradebookDbContext(DbContextOptions<GradebookDbContext> options) : DbContext(options)
{
    public DbSet<ManualGrade> ManualGrades => Set<ManualGrade>();

    public DbSet<ScoreOverride> ScoreOverrides => Set<ScoreOverride>();

    public DbSet<Extension> Extensions => Set<Extension>();

    public DbSet<GradeChange> GradeChanges => Set<GradeChange>();

    internal DbSet<RegradeRequest> RegradeRequests => Set<RegradeRequest>();

    internal DbSet<RegradeMessage> RegradeMessages => Set<RegradeMessage>();

    internal DbSet<GradeRelease> Releases => Set<GradeRelease>();

    public DbSet<ReviewMark> ReviewMarks => Set<ReviewMark>();

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
        modelBuilder.Entity<RegradeRequest>(request =>
        {
            request.ToTable("regrade_requests");
            request.HasKey(r => r.Id);
            request.Property(r => r.State).HasConversion<string>();
            request.HasIndex(r => new { r.State, r.Assignment });
            request.HasIndex(r => new { r.Assignment, r.Team });
        });
        modelBuilder.Entity<RegradeMessage>(message =>
        {
            message.ToTable("regrade_messages");
            message.HasKey(m => m.Id);
            message.HasIndex(m => new { m.RequestId, m.At });
        });
        modelBuilder.Entity<GradeRelease>(release =>
        {
            release.ToTable("releases");
            release.HasKey(r => r.Assignment);
        });
        modelBuilder.Entity<ReviewMark>(mark =>
        {
            mark.ToTable("review_marks");
            mark.HasKey(m => m.Id);
            mark.HasIndex(m => new { m.Assignment, m.Subject, m.At });
        });
    }
}
