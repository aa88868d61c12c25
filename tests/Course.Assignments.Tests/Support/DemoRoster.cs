using Course.Assignments.Roster;
using Course.Assignments.Teams;
using Course.Core.Cli;
using Course.Core.Database;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Assignments.Tests.Support;

/// <summary>
/// The demo course in a folder of its own with its own database, wired as a command gets it, with
/// the demo roster enrolled and the demo teams imported (project: vision and nlp; everyone else alone).
/// </summary>
internal sealed class DemoRoster : IAsyncDisposable
{
    private readonly TempCourse _folder;
    private readonly ServiceProvider _services;

    private DemoRoster(TempCourse folder, ServiceProvider services)
    {
        _folder = folder;
        _services = services;
    }

    public static async Task<DemoRoster> CreateAsync()
    {
        var folder = new TempCourse(await File.ReadAllTextAsync(RepositoryFiles.DemoCourse));
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Course"] = $"Data Source={Path.Combine(folder.Folder, "course.db")}" };
        var roster = new DemoRoster(folder, new CliHost((services, configuration) => services.AddAssignments(configuration), settings)
            .BuildServices(folder.CourseFile));
        await roster.InScopeAsync(async services =>
        {
            foreach (var database in services.GetServices<IModuleDatabase>())
            {
                await database.MigrateAsync(CancellationToken.None);
            }

            await services.GetRequiredService<IRosterImport>().ImportAsync(Path.Combine(folder.Folder, "demo", "roster.csv"), CancellationToken.None);
            return await services.GetRequiredService<ITeams>().ImportAsync(Path.Combine(folder.Folder, "demo", "teams.csv"), CancellationToken.None);
        });
        return roster;
    }

    public string Write(string name, string content) => _folder.Write(name, content);

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> RosterAsync<T>(Func<IRoster, Task<T>> read) => InScopeAsync(services => read(services.GetRequiredService<IRoster>()));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
