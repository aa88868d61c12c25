using System.Reflection;

namespace Course.Architecture.Tests;

/// <summary>Modules talk through small interfaces; only the grader composes them all.</summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] Modules =
        ["Course.Core", "Course.Assignments", "Course.Sandbox", "Course.Leaderboard", "Course.Credits", "Course.Grader"];

    public static TheoryData<string, string[]> AllowedReferences() => new()
    {
        { "Course.Core", [] },
        { "Course.Assignments", ["Course.Core"] },
        { "Course.Sandbox", ["Course.Core"] },
        { "Course.Leaderboard", ["Course.Core", "Course.Assignments"] },
        { "Course.Credits", ["Course.Core", "Course.Assignments"] },
    };

    [Theory]
    [MemberData(nameof(AllowedReferences))]
    public void Module_References_OnlyItsAllowedModules(string module, string[] allowed)
    {
        var references = ModuleReferences(Load(module));

        Assert.Empty(references.Except(allowed));
    }

    [Theory]
    [InlineData("Course.Core")]
    [InlineData("Course.Assignments")]
    [InlineData("Course.Sandbox")]
    [InlineData("Course.Leaderboard")]
    [InlineData("Course.Credits")]
    [InlineData("grader")]
    public void HostModule_DoesNotReferenceTorchSharp(string module)
    {
        // LibTorch needs a newer libstdc++ than the host has; torch code runs only inside the sandbox.
        var references = Load(module).GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain(references, name => name!.StartsWith("TorchSharp", StringComparison.Ordinal));
    }

    [Fact]
    public void Grader_ComposesEveryModule()
    {
        var references = ModuleReferences(Load("grader"));

        Assert.Equal(Modules.Except(["Course.Grader"]).Order(), references.Order());
    }

    private static Assembly Load(string name) => Assembly.Load(name);

    private static List<string> ModuleReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(Modules.Contains).ToList();
}
