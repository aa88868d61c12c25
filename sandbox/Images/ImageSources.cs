using Microsoft.Extensions.Configuration;

namespace Course.Sandbox.Images;

/// <summary>The paths the course gives for <see cref="ImageSource"/>s, read from configuration section <c>Sandbox</c>.</summary>
internal sealed class ImageSources(IReadOnlyDictionary<string, string> paths)
{
    public static ImageSources None { get; } = new(new Dictionary<string, string>());

    public static ImageSources Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Sandbox");
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { ImageSource.LibTorchCuda, ImageSource.PyTorchCuda })
        {
            if (section[source.Setting] is { Length: > 0 } path)
            {
                paths[source.Setting] = Path.GetFullPath(path);
            }
        }

        return new ImageSources(paths);
    }

    /// <summary>The full path given for <paramref name="source"/>, or null when the course gave none.</summary>
    public string? PathOf(ImageSource source) => paths.GetValueOrDefault(source.Setting);
}
