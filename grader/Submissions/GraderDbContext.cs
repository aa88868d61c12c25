using Course.Core.Database;
using Course.Grader.Cluster;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Storage;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Submissions;

/// <summary>
/// The grader's tables: submissions, the durable job queue, grading results, rescore drafts, and the blob store that
/// holds every file they name (snapshots, outputs, feedback, curves, uploads, calibrations).
/// </summary>
public sealed class GraderDbContext(DbContextOptions<GraderDbContext> options) : DbContext(options)
{
    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<GradingJob> Jobs => Set<GradingJob>();

    public DbSet<GradingResult> Results => Set<GradingResult>();

    public DbSet<RescoreEntry> Rescores => Set<RescoreEntry>();

    public DbSet<BudgetGrant> BudgetGrants => Set<BudgetGrant>();

    public DbSet<WorkerHost> Hosts => Set<WorkerHost>();

    public DbSet<StoredBlob> Blobs => Set<StoredBlob>();

    public DbSet<BlobChunk> BlobChunks => Set<BlobChunk>();

    public DbSet<StoredCalibration> Calibrations => Set<StoredCalibration>();

    public DbSet<KeptUpload> Uploads => Set<KeptUpload>();

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
            // The claim asks, for each waiting job, whether its owner has a smoke run unfinished: a seek, not a scan of the queue.
            job.HasIndex(j => new { j.Owner, j.Tier, j.State });
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
        modelBuilder.Entity<RescoreEntry>(entry =>
        {
            entry.ToTable("grader_rescores");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Kind).HasConversion<string>();
            entry.Property(e => e.State).HasConversion<string>();
            entry.Property(e => e.OldVerdict).HasConversion<string>();
            entry.Property(e => e.NewVerdict).HasConversion<string>();
            entry.HasIndex(e => new { e.Assignment, e.State });
            entry.HasIndex(e => new { e.JobId, e.State });
            entry.HasOne<GradingJob>().WithMany().HasForeignKey(e => e.JobId);
        });
        modelBuilder.Entity<BudgetGrant>(grant =>
        {
            grant.ToTable("grader_budget_grants");
            grant.HasKey(g => g.Id);
            grant.HasIndex(g => new { g.Assignment, g.Owner });
        });
        modelBuilder.Entity<WorkerHost>(host =>
        {
            host.ToTable("grader_hosts");
            host.HasKey(h => h.Name);
        });
        modelBuilder.Entity<StoredBlob>(blob =>
        {
            blob.ToTable("grader_blobs");
            blob.HasKey(b => b.Key);
        });
        modelBuilder.Entity<BlobChunk>(chunk =>
        {
            chunk.ToTable("grader_blob_chunks");
            chunk.HasKey(c => new { c.Content, c.Index });
            // bytea is PostgreSQL's binary type; SQLite keeps a blob value as it is under any declared type.
            chunk.Property(c => c.Data).HasColumnType("bytea");
        });
        modelBuilder.Entity<StoredCalibration>(calibration =>
        {
            calibration.ToTable("grader_calibrations");
            calibration.HasKey(c => c.Assignment);
        });
        modelBuilder.Entity<KeptUpload>(upload =>
        {
            upload.ToTable("grader_uploads");
            upload.HasKey(u => u.Id);
            upload.HasIndex(u => u.Assignment);
        });
    }
}
