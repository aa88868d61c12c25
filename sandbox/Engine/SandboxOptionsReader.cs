using System.Globalization;
using System.Text.RegularExpressions;
using Course.Core.Errors;
using Course.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace Course.Sandbox.Engine;

/// <summary>Reads <see cref="SandboxOptions"/> from configuration section <c>Sandbox</c>.</summary>
internal static partial class SandboxOptionsReader
{
    public static SandboxOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Sandbox");
        var defaults = new SandboxOptions();
        return new SandboxOptions
        {
            Engine = new SettingsSection(configuration, "Sandbox").AbsoluteUri("Engine", defaults.Engine, "unix:///var/run/docker.sock", "unix", "tcp", "http", "https", "npipe")!,
            WorkRoot = section["WorkRoot"] is { Length: > 0 } root ? Path.GetFullPath(root) : defaults.WorkRoot,
            Cores = section["Cores"] is { Length: > 0 } cores ? ParseCores(cores) : defaults.Cores,
            Gpus = section["Gpus"] is { Length: > 0 } gpus ? ParseGpus(gpus) : defaults.Gpus,
            LeaseRoot = section["LeaseRoot"] is { Length: > 0 } leases ? Path.GetFullPath(leases) : defaults.LeaseRoot,
            GpuDevices = section["GpuDevices"] is { Length: > 0 } handOver ? ParseHandOver(handOver) : defaults.GpuDevices,
        };
    }

    /// <summary>"none", or comma-separated GPU UUIDs as nvidia-smi prints them, each once.</summary>
    public static IReadOnlyList<string> ParseGpus(string text)
    {
        if (text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var gpus = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (gpus.FirstOrDefault(gpu => !GpuPattern().IsMatch(gpu)) is { } bad)
        {
            throw new BadInputException($"Sandbox:Gpus: '{bad}' is not a GPU UUID (letters, digits, '-', '_', '.', ':', '/'), nor is the list 'none'");
        }

        if (gpus.GroupBy(gpu => gpu, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            throw new BadInputException($"Sandbox:Gpus: '{twice.Key}' is listed twice");
        }

        return gpus.Length > 0 ? gpus : throw new BadInputException("Sandbox:Gpus: empty (write 'none' for a host without GPUs)");
    }

    private static GpuHandOver ParseHandOver(string text) => text.Trim().ToLowerInvariant() switch
    {
        "nvidia" => GpuHandOver.Nvidia,
        "fake" => GpuHandOver.Fake,
        _ => throw new BadInputException($"Sandbox:GpuDevices: '{text}' is not 'nvidia' (the default) or 'fake' (tests only)"),
    };

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

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$")]
    private static partial Regex GpuPattern();
}
