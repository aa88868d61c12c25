using Course.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Web.Data;

/// <summary>The web host's tables: webhook deliveries seen, pushes received, commit statuses to set, API tokens (hashed).</summary>
public sealed class WebDbContext(DbContextOptions<WebDbContext> options) : DbContext(options)
{
    internal DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();

    internal DbSet<PushReceipt> Pushes => Set<PushReceipt>();

    internal DbSet<ApiToken> Tokens => Set<ApiToken>();

    internal DbSet<StatusDelivery> Statuses => Set<StatusDelivery>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePortableTypes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("webhook_deliveries");
            // The primary key is the replay guard: a second insert of the same delivery id fails.
            delivery.HasKey(d => d.DeliveryId);
        });
        modelBuilder.Entity<PushReceipt>(push =>
        {
            push.ToTable("github_pushes");
            push.HasKey(p => p.Id);
            push.Property(p => p.State).HasConversion<string>();
            push.HasIndex(p => new { p.State, p.ReceivedAt });
            push.HasIndex(p => new { p.Repository, p.Commit });
        });
        modelBuilder.Entity<StatusDelivery>(status =>
        {
            status.ToTable("github_statuses");
            status.HasKey(s => s.Id);
            status.Property(s => s.State).HasConversion<string>();
            status.Property(s => s.Delivery).HasConversion<string>();
            status.HasIndex(s => new { s.Delivery, s.NextAttemptAt });
            status.HasIndex(s => new { s.Repository, s.Commit, s.Context });
        });
        modelBuilder.Entity<ApiToken>(token =>
        {
            token.ToTable("api_tokens");
            token.HasKey(t => t.Hash);
            token.HasIndex(t => t.Login);
            // Named like a key but not the key (lookups go by hash): without this the column would be nullable.
            token.Property(t => t.Id).IsRequired();
            token.HasIndex(t => t.Id).IsUnique();
        });
    }
}
