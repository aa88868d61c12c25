using Course.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Web.Data;

/// <summary>The web host's tables: webhook deliveries seen, pushes received, API tokens (hashed).</summary>
public sealed class WebDbContext(DbContextOptions<WebDbContext> options) : DbContext(options)
{
    internal DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();

    internal DbSet<PushReceipt> Pushes => Set<PushReceipt>();

    internal DbSet<ApiToken> Tokens => Set<ApiToken>();

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
        modelBuilder.Entity<ApiToken>(token =>
        {
            token.ToTable("api_tokens");
            token.HasKey(t => t.Hash);
            token.HasIndex(t => t.Login);
        });
    }
}
