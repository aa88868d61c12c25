using System.Globalization;
using System.Text;

namespace Course.Grader.Intake.Archives;

/// <summary>
/// Turns an archive entry's name into a safe relative path, or says why it cannot be one.
/// Names are rejected rather than repaired: a repaired name could collide with another entry or
/// hide what the submission tried to do, and the report should show what was in the archive.
/// </summary>
internal static class EntryName
{
    /// <summary>The outcome of checking one name.</summary>
    /// <param name="Path">The relative path with '/' separators; null when rejected or skipped.</param>
    /// <param name="Reason">Why the name was rejected; null when accepted or skipped.</param>
    /// <param name="TopFolder">The first path segment (before any stripping); null for rejected names.</param>
    internal readonly record struct Result(string? Path, string? Reason, string? TopFolder)
    {
        public bool Skipped => Path is null && Reason is null;
    }

    public static Result Check(string name, bool stripTopFolder, int maxPathBytes)
    {
        var problem = FindCharacterProblem(name);
        if (problem is not null)
        {
            return new(null, problem, null);
        }

        if (name.StartsWith('/') || (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':'))
        {
            return new(null, "absolute path", null);
        }

        var segments = name.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s != ".")
            .ToList();
        if (segments.Contains(".."))
        {
            return new(null, "path leaves the archive with '..'", null);
        }

        if (segments.Count == 0)
        {
            return new(null, null, null);
        }

        var top = segments[0];
        if (stripTopFolder)
        {
            segments.RemoveAt(0);
            if (segments.Count == 0)
            {
                return new(null, null, top);
            }
        }

        var path = string.Join('/', segments);
        if (Encoding.UTF8.GetByteCount(path) > maxPathBytes || segments.Any(s => Encoding.UTF8.GetByteCount(s) > 255))
        {
            return new(null, $"path is longer than {maxPathBytes} bytes or has a part longer than 255 bytes", top);
        }

        return new(path, null, top);
    }

    /// <summary>The name with control and invalid characters escaped, safe to print in a report or a log.</summary>
    public static string Printable(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (IsControl(c) || c == '\uFFFD' || char.IsSurrogate(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Length > 300 ? builder.ToString(0, 300) + "..." : builder.ToString();
    }

    private static string? FindCharacterProblem(string name)
    {
        if (name.Contains('\uFFFD', StringComparison.Ordinal) || HasLoneSurrogate(name))
        {
            return "name is not valid UTF-8";
        }

        if (name.Any(IsControl))
        {
            return "name contains a control character (newline, tab, NUL...)";
        }

        return name.Contains('\\', StringComparison.Ordinal) ? "name contains a backslash" : null;
    }

    private static bool IsControl(char c) => c < 0x20 || (c >= 0x7F && c <= 0x9F);

    private static bool HasLoneSurrogate(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(name[i]))
            {
                return true;
            }
        }

        return false;
    }
}
