using Course.Core.Errors;
using Course.Sandbox.Running;

namespace Course.Sandbox.Cli;

/// <summary>Parses <c>--mount SRC:DST[:ro|rw]</c>; read-only unless <c>:rw</c> is given (docs/SECURITY.md rule 3).</summary>
internal static class MountText
{
    public static SandboxMount Parse(string text)
    {
        var parts = text.Split(':').ToList();
        var readOnly = true;
        if (parts.Count >= 3 && parts[^1] is "ro" or "rw")
        {
            readOnly = parts[^1] == "ro";
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count < 2 || parts[^1].Length == 0 || parts.Take(parts.Count - 1).All(string.IsNullOrEmpty))
        {
            throw new BadInputException($"--mount: '{text}' is not SRC:DST[:ro|rw]");
        }

        return new SandboxMount(Path.GetFullPath(string.Join(':', parts.Take(parts.Count - 1))), parts[^1], readOnly);
    }
}
