using System.Xml;

namespace Course.Grader.Grading.Build;

/// <summary>
/// The package versions a submission's project files at its root ask for (<c>PackageReference</c> and
/// <c>PackageVersion</c> items of its *.csproj and Directory.*.props), so that feedback on a package the
/// course's folder lacks can name the version too (NuGet's NU1101 names only the package). The files are the
/// student's: read as plain XML (no DTD, no external entities), bounded in size, and any error means no version.
/// </summary>
internal static class PackageRequests
{
    private const long MaxFileBytes = 1024 * 1024;

    /// <summary>The version asked for <paramref name="package"/> and the file that asks, or null.</summary>
    public static (string Version, string File)? Find(string snapshot, string package)
    {
        var files = Directory.EnumerateFiles(snapshot, "*.csproj").Concat(Directory.EnumerateFiles(snapshot, "Directory.*.props"))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (Version(file, package) is { } version)
            {
                return (version, Path.GetFileName(file));
            }
        }

        return null;
    }

    private static string? Version(string path, string package)
    {
        var file = new FileInfo(path);
        if (file.LinkTarget is not null || file.Length > MaxFileBytes)
        {
            return null;
        }

        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxFileBytes };
            using var reader = XmlReader.Create(path, settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "PackageReference" or "PackageVersion"
                    && string.Equals(reader.GetAttribute("Include") ?? reader.GetAttribute("Update"), package, StringComparison.OrdinalIgnoreCase)
                    && reader.GetAttribute("Version") is { Length: > 0 } version)
                {
                    return version;
                }
            }
        }
        catch (XmlException)
        {
            // Not well-formed: the build said so already; the feedback names the package without its version.
        }

        return null;
    }

    /// <summary>"id version" of every package in the course's folder (its layout: id/version/), sorted.</summary>
    public static IReadOnlyList<string> Available(string packages) =>
        Directory.Exists(packages)
            ? Directory.EnumerateDirectories(packages)
                .SelectMany(id => Directory.EnumerateDirectories(id).Select(version => $"{Path.GetFileName(id)} {Path.GetFileName(version)}"))
                .Order(StringComparer.Ordinal).ToList()
            : [];
}
