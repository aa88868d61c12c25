using Course.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace Course.Credits.Ledger;

/// <summary>The credits module's tables: codes, the e-mail outbox, the audit trail and spend.</summary>
internal sealed class CreditsDbContext(DbContextOptions<CreditsDbContext> options) : DbContext(options)
{
    internal DbSet<CreditCode> Codes => Set<CreditCode>();

    internal DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    internal DbSet<AuditEntry> Audit => Set<AuditEntry>();

    internal DbSet<SpendRecord> Spend => Set<SpendRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePortableTypes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CreditCode>(code =>
        {
            code.ToTable(Tables.Codes);
            code.HasKey(c => c.Id);
            code.Property(c => c.Status).HasConversion<string>();
            code.HasIndex(c => c.Fingerprint).IsUnique();
            // One code per reason: the database, not the application, makes issuing idempotent.
            code.HasIndex(c => c.AssigneeKey).IsUnique();
            code.HasIndex(c => new { c.Status, c.Provider, c.Value });
            code.HasIndex(c => c.Login);
        });
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable(Tables.Outbox);
            message.HasKey(m => m.Id);
            message.Property(m => m.State).HasConversion<string>();
            message.Property(m => m.Kind).HasConversion<string>();
            message.HasIndex(m => m.Key).IsUnique();
            message.HasIndex(m => m.State);
            message.Ignore(m => m.MessageId);
        });
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable(Tables.Audit);
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => e.CodeId);
        });
        modelBuilder.Entity<SpendRecord>(spend =>
        {
            spend.ToTable(Tables.Spend);
            spend.HasKey(s => s.Login);
        });
    }

    /// <summary>Table names, already carrying the module's prefix so the database's module-prefix convention keeps them.</summary>
    internal static class Tables
    {
        public const string Codes = "credits_codes";
        public const string Outbox = "credits_outbox";
        public const string Audit = "credits_audit";
        public const string Spend = "credits_spend";
    }
}
