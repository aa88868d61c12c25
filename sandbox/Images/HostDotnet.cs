using System.Runtime.InteropServices;

namespace Course.Sandbox.Images;

/// <summary>
/// This machine's .NET folder (the one running the grader, with its SDKs), which the course-dotnet recipe
/// copies into its image. The recipe gets it as a bash line naming the folder and, in a comment, its SDK
/// and runtime versions: the line is part of the recipe's hash, so a new SDK on the host rebuilds the image.
/// </summary>
internal static class HostDotnet
{
    public static string RecipeLine()
    {
        var root = Root();
        if (root is null)
        {
            return "HOST_DOTNET=''";
        }

        var versions = string.Join("; ", new[] { "sdk", Path.Combine("shared", "Microsoft.NETCore.App") }
            .Select(folder => $"{folder}: {string.Join(", ", Versions(Path.Combine(root, folder)))}"));
        return $"HOST_DOTNET='{root.Replace("'", "'\\''", StringComparison.Ordinal)}' # {versions.ReplaceLineEndings(" ")}";
    }

    /// <summary>
    /// The folder above the running runtime (dotnet/shared/Microsoft.NETCore.App/VERSION), or DOTNET_ROOT,
    /// whichever holds the dotnet executable and an sdk folder; null when neither does (a self-contained grader).
    /// </summary>
    private static string? Root()
    {
        var runtime = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory());
        var candidates = new[] { Path.GetFullPath(Path.Combine(runtime, "..", "..", "..")), Environment.GetEnvironmentVariable("DOTNET_ROOT") };
        return candidates.Where(c => !string.IsNullOrEmpty(c))
            .Select(c => Path.TrimEndingDirectorySeparator(c!))
            .FirstOrDefault(c => File.Exists(Path.Combine(c, "dotnet")) && Directory.Exists(Path.Combine(c, "sdk")));
    }

    private static IEnumerable<string> Versions(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];
}
