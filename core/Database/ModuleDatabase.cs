using Microsoft.EntityFrameworkCore;

namespace Course.Core.Database;

internal sealed class ModuleDatabase(string module, DbContext context) : IModuleDatabase
{
    public string Module { get; } = module;

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellation)
    {
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellation)).ToList();
        await context.Database.MigrateAsync(cancellation);
        return pending;
    }
}
