using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Database;
using Course.Grader.Storage;

namespace Course.Grader.Cli;

/// <summary>
/// <c>grader db migrate</c>: brings every module's tables to the current version, then moves the files a version
/// before the store kept in folders into the store (<see cref="LegacyFiles"/>), and, when the store is an S3 bucket,
/// copies the blobs the course database holds into it (<see cref="DatabaseBlobsCopy"/>).
/// </summary>
internal static class DbCommands
{
    public static Command Create(CliHost host)
    {
        var migrate = new Command("migrate", "Apply pending migrations of every module (keeps existing data)");
        host.Handle(migrate, async context =>
        {
            await using var scope = context.CreateScope();
            var applied = new List<object>();
            foreach (var module in scope.ServiceProvider.GetServices<IModuleDatabase>())
            {
                var names = await module.MigrateAsync(context.Cancellation);
                applied.Add(new { module = module.Module, applied = names });
                if (!context.Json)
                {
                    await context.Out.WriteLineAsync(names.Count == 0
                        ? $"{module.Module}: up to date"
                        : $"{module.Module}: applied {string.Join(", ", names)}");
                }
            }

            var moved = await scope.ServiceProvider.GetRequiredService<LegacyFiles>().MoveAsync(context.Cancellation);
            var copied = await scope.ServiceProvider.GetRequiredService<DatabaseBlobsCopy>().CopyAsync(context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(new { modules = applied, files = moved, copiedToBucket = copied });
                return 0;
            }

            if (copied > 0)
            {
                await context.Out.WriteLineAsync($"files: copied {copied} blobs from the course database into the S3 bucket");
            }

            await context.Out.WriteLineAsync(moved.Total == 0 ? "files: all in the store"
                : $"files: moved {moved.Snapshots} snapshots, {moved.Results} results, {moved.Uploads} uploads, {moved.Calibrations} calibrations into the store");
            foreach (var gone in moved.Missing)
            {
                await context.Out.WriteLineAsync($"files: {gone} is gone; its record keeps no file");
            }

            return 0;
        });
        return new Command("db", "The course database") { migrate };
    }
}
