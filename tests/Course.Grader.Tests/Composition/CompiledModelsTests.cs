using System.Text;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Composition;

/// <summary>
/// Every module's compiled model (what a SQLite course starts with) is its model as <c>OnModelCreating</c> builds it:
/// the same tables, columns and store types, keys, indexes, foreign keys and value conversions. A model changed without
/// <c>scripts/compiled-models.sh</c> would read and write columns that are not there.
/// </summary>
public sealed class CompiledModelsTests
{
    public static TheoryData<string> Contexts() => ModelSnapshotTests.Contexts();

    [Theory]
    [MemberData(nameof(Contexts))]
    public void CompiledModel_SameAsTheBuiltModel(string context)
    {
        var type = ModelSnapshotTests.ContextTypes().Single(t => t.FullName == context);
        using var built = DesignTimeContext(type);

        // As a context initializes it on first use.
        var compiled = built.GetService<IModelRuntimeInitializer>().Initialize(CompiledModel(type), designTime: false);

        Assert.Equal(Shape(built.Model), Shape(compiled));
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public async Task SqliteCourse_ContextUsesTheCompiledModel(string context)
    {
        var type = ModelSnapshotTests.ContextTypes().Single(t => t.FullName == context);
        using var course = await TestCourse.CreateAsync();
        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);

        Assert.Same(CompiledModel(type), db.Model);
    }

    private static IModel CompiledModel(Type context) =>
        context.Assembly.GetType($"{context.Namespace}.CompiledModel.{context.Name}Model")?.GetProperty("Instance")?.GetValue(null) as IModel
        ?? throw new InvalidOperationException($"{context.Name} has no compiled model: run scripts/compiled-models.sh");

    /// <summary>The context as <c>dotnet ef</c> makes it: its design-time factory, no compiled model.</summary>
    private static DbContext DesignTimeContext(Type context)
    {
        var factory = context.Assembly.GetTypes().Single(t => t.GetInterfaces().Contains(typeof(IDesignTimeDbContextFactory<>).MakeGenericType(context)));
        return ((IDesignTimeDbContextFactory<DbContext>)Activator.CreateInstance(factory, nonPublic: true)!).CreateDbContext([]);
    }

    /// <summary>What the database sees of a model, one line per fact, in a stable order.</summary>
    private static string Shape(IModel model)
    {
        var shape = new StringBuilder();
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            shape.AppendLine($"table {table.Name}");
            foreach (var column in table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                var property = column.PropertyMappings.First().Property;
                shape.AppendLine($"  column {column.Name} {column.StoreType} null={column.IsNullable} "
                                 + $"{property.DeclaringType.ClrType.Name}.{property.Name} {property.ClrType.Name} via {property.GetTypeMapping().Converter?.GetType().Name ?? "-"}");
            }

            shape.AppendLine($"  key {table.PrimaryKey?.Name} ({string.Join(", ", table.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})");
            foreach (var index in table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                shape.AppendLine($"  index {index.Name} unique={index.IsUnique} ({string.Join(", ", index.Columns.Select(c => c.Name))})");
            }

            foreach (var key in table.ForeignKeyConstraints.OrderBy(k => k.Name, StringComparer.Ordinal))
            {
                shape.AppendLine($"  foreign key {key.Name} ({string.Join(", ", key.Columns.Select(c => c.Name))}) -> {key.PrincipalTable.Name} {key.OnDeleteAction}");
            }
        }

        return shape.ToString();
    }
}
