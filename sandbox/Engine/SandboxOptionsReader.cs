using System.Globalization;
using Course.Core.Errors;
using Microsoft.Extensions.Configuration;

namespace Course.Sandbox.Engine;

/// <summary>Reads <see cref="SandboxOptions"/> from configuration section <c>Sandbox</c>.</summary>
internal static class SandboxOptionsReader
{
    public static SandboxOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Sandbox");
        var defaults = new SandboxOptions();
        return new SandboxOptions
        {
            Engine = section["Engine"] is { Length: > 0 } engine ? new Uri(engine) : defaults.Engine,
            WorkRoot = section["WorkRoot"] is { Length: > 0 } root ? Path.GetFullPath(root) : defaults.WorkRoot,
            Cores = section["Cores"] is { Length: > 0 } cores ? ParseCores(cores) : defaults.Cores,
            Gpus = section["Gpus"] is { Length: > 0 } gpus
                ? gpus.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : defaults.Gpus,
        };
    }

    /// <summary>A cpuset list like "0-3,6".</summary>
    public static IReadOnlyList<int> ParseCores(string text)
    {
        var cores = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-');
            if (range.Length is < 1 or > 2
                || !int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(range[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                || last < first)
            {
                throw new BadInputException($"Sandbox:Cores: '{text}' is not a cpuset list like 0-3,6");
            }

            cores.AddRange(Enumerable.Range(first, last - first + 1));
        }

        return cores.Count > 0 ? cores.Distinct().ToArray() : throw new BadInputException("Sandbox:Cores: empty");
    }
}
