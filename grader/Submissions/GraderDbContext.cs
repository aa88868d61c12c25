using Course.Core.Database;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Submissions;

/// <summary>The grader's tables: submissions, the durable job queue and grading results.</summary>
public sealed class GraderDbContext(DbContextOptions<GraderDbContext> options) : DbContext(options)
{
    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<GradingJob> Jobs => Set<GradingJob>();

    public DbSet<GradingResult> Results => Set<GradingResult>();

    public DbSet<BudgetGrant> BudgetGrants => Set<BudgetGrant>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePortableTypes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Submission>(submission =>
        {
            submission.ToTable("grader_submissions");
            submission.HasKey(s => s.Id);
            submission.Property(s => s.Source).HasConversion<string>();
            submission.HasIndex(s => new { s.Assignment, s.Owner, s.Commit }).IsUnique();
        });
        modelBuilder.Entity<GradingJob>(job =>
        {
            job.ToTable("grader_jobs");
            job.HasKey(j => j.Id);
            job.Property(j => j.State).HasConversion<string>();
            job.Property(j => j.Tier).HasConversion<string>();
            // The idempotency key: one job per submitted commit and tier, however often it is enqueued.
            job.HasIndex(j => new { j.Assignment, j.Owner, j.Commit, j.Tier }).IsUnique();
            job.HasIndex(j => new { j.State, j.FairSequence, j.EnqueuedAt });
            job.HasOne<Submission>().WithMany().HasForeignKey(j => j.SubmissionId);
        });
        modelBuilder.Entity<GradingResult>(result =>
        {
            result.ToTable("grader_results");
            result.HasKey(r => r.JobId);
            result.Property(r => r.Verdict).HasConversion<string>();
            result.Property(r => r.Tier).HasConversion<string>();
            result.HasIndex(r => new { r.Assignment, r.Owner });
            result.HasOne<GradingJob>().WithOne().HasForeignKey<GradingResult>(r => r.JobId);
        });
        modelBuilder.Entity<BudgetGrant>(grant =>
        {
            grant.ToTable("grader_budget_grants");
            grant.HasKey(g => g.Id);
            grant.HasIndex(g => new { g.Assignment, g.Owner });
        });
    }
}
