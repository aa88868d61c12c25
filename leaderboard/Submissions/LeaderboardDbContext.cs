using Course.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace Course.Leaderboard.Submissions;

/// <summary>The leaderboard module's tables: submissions, selections, finalizations and the team-day locks.</summary>
internal sealed class LeaderboardDbContext(DbContextOptions<LeaderboardDbContext> options) : DbContext(options)
{
    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<Selection> Selections => Set<Selection>();

    public DbSet<Finalization> Finalizations => Set<Finalization>();

    public DbSet<TeamDay> TeamDays => Set<TeamDay>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePortableTypes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Submission>(submission =>
        {
            submission.ToTable("submissions");
            submission.HasKey(s => s.Id);
            submission.Property(s => s.Source).HasConversion<string>();
            submission.Property(s => s.Status).HasConversion<string>();
            submission.HasIndex(s => s.IdempotencyKey).IsUnique();
            submission.HasIndex(s => new { s.Assignment, s.Team, s.Day });
            submission.Ignore(s => s.Counts);
        });
        modelBuilder.Entity<Selection>(selection =>
        {
            selection.ToTable("selections");
            selection.HasKey(s => s.SubmissionId);
            selection.HasIndex(s => new { s.Assignment, s.Team });
            selection.HasOne<Submission>().WithOne().HasForeignKey<Selection>(s => s.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Finalization>(finalization =>
        {
            finalization.ToTable("finalizations");
            finalization.HasKey(f => f.Assignment);
        });
        modelBuilder.Entity<TeamDay>(day =>
        {
            day.ToTable("team_days");
            day.HasKey(d => new { d.Assignment, d.Team, d.Day });
        });
    }
}
