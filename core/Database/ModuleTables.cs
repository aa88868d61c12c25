using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Core.Database;

/// <summary>
/// Prefixes every table of a module with its name (<c>leaderboard_submissions</c>,
/// <c>grader_submissions</c>): modules share one database, and each owns its tables outright.
/// </summary>
internal sealed class ModuleTables(string module) : IDbContextOptionsExtension
{
    public string Module { get; } = module;

    public DbContextOptionsExtensionInfo Info => new ModuleTablesInfo(this);

    public void ApplyServices(IServiceCollection services) =>
        services.AddSingleton<IConventionSetPlugin>(new Plugin(Module));

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class Plugin(string module) : IConventionSetPlugin
    {
        public ConventionSet ModifyConventions(ConventionSet conventionSet)
        {
            conventionSet.ModelFinalizingConventions.Add(new PrefixConvention(module));
            return conventionSet;
        }
    }

    private sealed class PrefixConvention(string module) : IModelFinalizingConvention
    {
        public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
        {
            // The migrations history table (__module_migrations) keeps the name EF Core looks it up by.
            var prefix = module + "_";
            foreach (var entity in modelBuilder.Metadata.GetEntityTypes())
            {
                if (entity.GetTableName() is { } table && !table.StartsWith(prefix, StringComparison.Ordinal)
                    && !table.StartsWith("__", StringComparison.Ordinal))
                {
                    entity.SetTableName(prefix + table);
                }
            }
        }
    }

    private sealed class ModuleTablesInfo(ModuleTables extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"ModuleTables={extension.Module} ";

        public override int GetServiceProviderHashCode() => StringComparer.Ordinal.GetHashCode(extension.Module);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ModuleTablesInfo info && info.Extension is ModuleTables tables && tables.Module == extension.Module;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Course:ModuleTables"] = extension.Module;
    }
}
