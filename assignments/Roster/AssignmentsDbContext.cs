using Course.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace Course.Assignments.Roster;

/// <summary>The assignments module's tables: students, teams and their members.</summary>
internal sealed class AssignmentsDbContext(DbContextOptions<AssignmentsDbContext> options) : DbContext(options)
{
    public DbSet<Student> Students => Set<Student>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePortableTypes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Student>(student =>
        {
            student.ToTable("students");
            student.HasKey(s => s.Login);
            student.HasIndex(s => s.Email).IsUnique();
            student.HasIndex(s => s.GitHub).IsUnique();
        });
        modelBuilder.Entity<Team>(team =>
        {
            team.ToTable("teams");
            team.HasKey(t => t.Id);
            team.HasIndex(t => new { t.Assignment, t.Name }).IsUnique();
            team.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TeamMember>(member =>
        {
            member.ToTable("team_members");
            member.HasKey(m => new { m.Assignment, m.Login });
            member.HasOne<Student>().WithMany().HasForeignKey(m => m.Login);
        });
    }
}
