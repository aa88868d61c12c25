using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Course.Architecture.Tests;

/// <summary>
/// A module's tables are its own: no other module names its DbContext or the entity types mapped to its tables
/// (it calls the module's public interface instead), and no module opens its internals to another. Checked on the
/// compiled assemblies: every type a module's metadata refers to, in signatures, fields and code alike.
/// </summary>
public sealed class DataOwnershipTests
{
    private static readonly string[] Modules =
        ["Course.Core", "Course.Assignments", "Course.Sandbox", "Course.Leaderboard", "Course.Credits", "grader"];

    /// <summary>Names a grant could use for the grader: its assembly name and its project's.</summary>
    private static readonly string[] ModuleNames = [.. Modules, "Course.Grader"];

    public static TheoryData<string> AllModules() => new(Modules);

    public static TheoryData<string> LibraryModules() => new(Modules.Where(m => m != "grader"));

    [Theory]
    [MemberData(nameof(AllModules))]
    public void Module_NamesNoOtherModulesDbContextOrEntities(string module)
    {
        var foreign = Modules.Where(m => m != module)
            .SelectMany(owner => DataTypes(Assembly.Load(owner)).Select(type => (owner, type.FullName!)))
            .ToHashSet();

        var named = TypeReferences(Assembly.Load(module)).Where(foreign.Contains).Select(r => $"{r.Type} ({r.Assembly})");

        Assert.Empty(named);
    }

    [Theory]
    [MemberData(nameof(LibraryModules))]
    public void LibraryModule_DbContextAndEntities_AreNotPublic(string module)
    {
        var visible = DataTypes(Assembly.Load(module)).Where(t => t.IsVisible).Select(t => t.FullName);

        Assert.Empty(visible);
    }

    [Theory]
    [MemberData(nameof(AllModules))]
    public void Module_GrantsItsInternalsToNoOtherModule(string module)
    {
        var granted = Assembly.Load(module).GetCustomAttributes<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName.Split(',')[0].Trim());

        Assert.DoesNotContain(granted, name => ModuleNames.Contains(name, StringComparer.OrdinalIgnoreCase) && name != module);
    }

    [Fact]
    public void DataTypes_OfTheAssignmentsModule_AreItsContextAndRosterEntities()
    {
        // The rules above are only as good as this list: it must find what the module maps.
        var types = DataTypes(Assembly.Load("Course.Assignments")).Select(t => t.FullName).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["Course.Assignments.Roster.AssignmentsDbContext", "Course.Assignments.Roster.Student", "Course.Assignments.Roster.Team",
                "Course.Assignments.Roster.TeamMember"],
            types);
    }

    [Fact]
    public void TypeReferences_OfTheGrader_IncludeTheRosterInterfaceItCalls()
    {
        // And as good as the scan of references: the grader does name the roster's interface.
        var references = TypeReferences(Assembly.Load("grader"));

        Assert.Contains(("Course.Assignments", "Course.Assignments.Roster.IRoster"), references);
    }

    /// <summary>Every DbContext of <paramref name="assembly"/> and the entity types its model maps.</summary>
    private static List<Type> DataTypes(Assembly assembly)
    {
        var contexts = assembly.GetTypes().Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        return [.. contexts.Concat(contexts.SelectMany(EntityTypes)).Where(t => t.Assembly == assembly).Distinct()];
    }

    private static IEnumerable<Type> EntityTypes(Type context)
    {
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(context))!;
        options.UseSqlite("Data Source=:memory:");
        using var instance = (DbContext)Activator.CreateInstance(context, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic,
            null, [options.Options], null)!;
        return [.. instance.Model.GetEntityTypes().Select(e => e.ClrType)];
    }

    /// <summary>(assembly, full name) of every type in another assembly that <paramref name="assembly"/>'s metadata refers to.</summary>
    private static HashSet<(string Assembly, string Type)> TypeReferences(Assembly assembly)
    {
        using var file = new PEReader(File.OpenRead(assembly.Location));
        var metadata = file.GetMetadataReader();
        return metadata.TypeReferences.Select(handle => Resolve(metadata, handle)).OfType<(string, string)>().ToHashSet();
    }

    private static (string Assembly, string Type)? Resolve(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var reference = metadata.GetTypeReference(handle);
        var name = metadata.GetString(reference.Name);
        switch (reference.ResolutionScope.Kind)
        {
            case HandleKind.AssemblyReference:
                var space = metadata.GetString(reference.Namespace);
                var owner = metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name);
                return (owner, space.Length == 0 ? name : $"{space}.{name}");
            case HandleKind.TypeReference:
                return Resolve(metadata, (TypeReferenceHandle)reference.ResolutionScope) is { } outer ? (outer.Assembly, $"{outer.Type}+{name}") : null;
            default:
                return null;
        }
    }
}
