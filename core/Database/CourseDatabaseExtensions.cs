using Course.Core.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Core.Database;

/// <summary>Registration of a module's DbContext over the course's one database.</summary>
public static class CourseDatabaseExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the course database with its own migrations
    /// history table (<c>__{module}_migrations</c>), so each module migrates independently, and its
    /// tables prefixed with the module's name, so no two modules can collide.
    /// </summary>
    public static IServiceCollection AddModuleDatabase<TContext>(this IServiceCollection services, string module)
        where TContext : DbContext
    {
        services.AddSingleton(provider => DatabaseSettings.From(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<CoursePaths>()));
        services.AddDbContext<TContext>((provider, options) =>
            options.UseCourseDatabase(provider.GetRequiredService<DatabaseSettings>(), module));
        services.AddScoped<IModuleDatabase>(provider =>
            new ModuleDatabase(module, provider.GetRequiredService<TContext>()));
        return services;
    }

    /// <summary>Configures the provider, the history table and the retry-free defaults.</summary>
    public static TBuilder UseCourseDatabase<TBuilder>(this TBuilder options, DatabaseSettings settings, string module)
        where TBuilder : DbContextOptionsBuilder
    {
        var history = $"__{module}_migrations";
        switch (settings.Provider)
        {
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(settings.ConnectionString, npgsql => npgsql.MigrationsHistoryTable(history));
                break;
            default:
                options.UseSqlite(WithDefaults(settings.ConnectionString), sqlite => sqlite.MigrationsHistoryTable(history));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
        }

        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new ModuleTables(module));

        // Migrations are generated once and shared by both providers (see PortableTypes).
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return options;
    }

    private static string WithDefaults(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout == 30)
        {
            builder.DefaultTimeout = 60;
        }

        return builder.ToString();
    }
}
