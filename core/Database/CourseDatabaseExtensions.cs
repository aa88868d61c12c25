using Course.Core.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Core.Database;

/// <summary>Registration of a module's DbContext over the course's one database.</summary>
public static class CourseDatabaseExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the course database with its own migrations
    /// history table (<c>__{module}_migrations</c>), so each module migrates independently, and its
    /// tables prefixed with the module's name, so no two modules can collide. On SQLite the context uses
    /// <paramref name="sqliteModel"/>'s model, its compiled model (<c>scripts/compiled-models.sh</c>), read when a context
    /// is first made: a command that never opens this module's tables never loads it.
    /// </summary>
    public static IServiceCollection AddModuleDatabase<TContext>(this IServiceCollection services, string module, Func<IModel> sqliteModel)
        where TContext : DbContext
    {
        services.AddSingleton(provider => DatabaseSettings.From(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<CoursePaths>()));
        services.AddDbContext<TContext>((provider, options) =>
            options.UseCourseDatabase(provider.GetRequiredService<DatabaseSettings>(), module, sqliteModel));
        services.AddScoped<IModuleDatabase>(provider =>
            new ModuleDatabase(module, provider.GetRequiredService<TContext>()));
        return services;
    }

    /// <summary>
    /// Configures the provider, the history table and the retry-free defaults. A compiled model, when given, serves SQLite:
    /// a new process then starts without building the model from <c>OnModelCreating</c> (a fifth of a short command's CPU).
    /// Its type mappings are SQLite's, so PostgreSQL always builds its own (and never loads the compiled one).
    /// </summary>
    public static TBuilder UseCourseDatabase<TBuilder>(this TBuilder options, DatabaseSettings settings, string module,
        Func<IModel>? sqliteModel = null)
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
                if (sqliteModel is not null)
                {
                    options.UseModel(sqliteModel());
                }

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
