using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Composition;

/// <summary>
/// Every module's migrations describe its current model: a schema change without its migration (or two
/// migrations merged into one snapshot badly) would leave an upgraded database unlike the code.
/// </summary>
public sealed class ModelSnapshotTests
{
    public static TheoryData<string> Contexts()
    {
        var names = new TheoryData<string>();
        foreach (var type in ContextTypes())
        {
            names.Add(type.FullName!);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public async Task Module_Migrations_MatchTheModel(string context)
    {
        using var course = await TestCourse.CreateAsync();
        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(ContextTypes().Single(t => t.FullName == context));

        Assert.False(db.Database.HasPendingModelChanges(), $"{context} has model changes without a migration");
    }

    internal static IEnumerable<Type> ContextTypes() =>
        new[] { typeof(GraderCli).Assembly }
            .Concat(typeof(GraderCli).Assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Course.", StringComparison.Ordinal))
                .Select(System.Reflection.Assembly.Load))
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.IsSubclassOf(typeof(DbContext)) && !type.IsAbstract)
            .OrderBy(type => type.FullName, StringComparer.Ordinal);
}
