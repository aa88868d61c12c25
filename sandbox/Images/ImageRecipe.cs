using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Course.Sandbox.Images;

/// <summary>
/// A recipe: the shared prelude plus the image's own script, both embedded in this assembly. A recipe that
/// copies in an <see cref="ImageSource"/> also gets the given-source helpers and <see cref="SourcePath"/>, the
/// path the course gave for it. course-dotnet's script also starts with the line naming this machine's .NET
/// folder (<see cref="HostDotnet"/>).
/// </summary>
internal sealed record ImageRecipe(string Name, string Script, ImageSource? Source = null, string? SourcePath = null)
{
    public static IReadOnlyList<string> Names { get; } =
        ["course-busybox", "course-python", "course-torchsharp", "course-dotnet", "course-python-cuda", "course-torchsharp-cuda"];

    private static readonly Dictionary<string, ImageSource> Sources = new(StringComparer.Ordinal)
    {
        ["course-python-cuda"] = ImageSource.PyTorchCuda,
        ["course-torchsharp-cuda"] = ImageSource.LibTorchCuda,
    };

    /// <summary>
    /// First 12 hex digits of the SHA-256 of the script, and of the given source's file list (names, sizes,
    /// times) when there is one: any change to a recipe or to what it copies in rebuilds its image.
    /// </summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SourcePath is null ? Script : Script + "\n" + Fingerprint(SourcePath))))[..12];

    public string Tag => $"{Name}:{Hash}";

    /// <summary>What the recipe <paramref name="name"/> copies in from the course, or null when it needs nothing.</summary>
    public static ImageSource? SourceOf(string name) => Sources.GetValueOrDefault(name);

    public static ImageRecipe? Find(string name, string? sourcePath = null)
    {
        if (!Names.Contains(name))
        {
            return null;
        }

        var source = SourceOf(name);
        var helpers = source is null ? "" : Read("given-source.sh") + "\n";
        var dotnet = name == "course-dotnet" ? HostDotnet.RecipeLine() + "\n" : "";
        return new ImageRecipe(name, Read("common.sh") + "\n" + helpers + dotnet + Read($"{name}.sh"), source, sourcePath);
    }

    private static string Fingerprint(string path)
    {
        var text = new StringBuilder(path).Append('\n');
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                text.Append(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(path, file)} {info.Length} {info.LastWriteTimeUtc.Ticks}\n");
            }
        }

        return text.ToString();
    }

    private static string Read(string file)
    {
        var assembly = typeof(ImageRecipe).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Recipes.{file}")
                           ?? throw new InvalidOperationException($"recipe {file} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
