using System.Security.Cryptography;
using System.Text;

namespace Course.Sandbox.Images;

/// <summary>
/// A recipe: the shared prelude plus the image's own script, both embedded in this assembly. course-dotnet's
/// script also starts with the line naming this machine's .NET folder (<see cref="HostDotnet"/>).
/// </summary>
internal sealed record ImageRecipe(string Name, string Script)
{
    public static IReadOnlyList<string> Names { get; } = ["course-busybox", "course-python", "course-torchsharp", "course-dotnet"];

    /// <summary>First 12 hex digits of the script's SHA-256: any change to a recipe rebuilds its image.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Script)))[..12];

    public string Tag => $"{Name}:{Hash}";

    public static ImageRecipe? Find(string name) =>
        Names.Contains(name)
            ? new ImageRecipe(name, Read("common.sh") + "\n" + (name == "course-dotnet" ? HostDotnet.RecipeLine() + "\n" : "") + Read($"{name}.sh"))
            : null;

    private static string Read(string file)
    {
        var assembly = typeof(ImageRecipe).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Recipes.{file}")
                           ?? throw new InvalidOperationException($"recipe {file} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
