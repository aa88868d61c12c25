using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Database;

namespace Course.Grader.Cli;

/// <summary><c>grader db migrate</c>: brings every module's tables to the current version.</summary>
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

            if (context.Json)
            {
                await context.WriteJsonAsync(applied);
            }

            return 0;
        });
        return new Command("db", "The course database") { migrate };
    }
}
