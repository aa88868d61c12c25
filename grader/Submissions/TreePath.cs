using System.Text;

namespace Course.Grader.Submissions;

/// <summary>
/// Checks one path from a submitted tree before anything is written: valid UTF-8, relative, no
/// <c>.</c>/<c>..</c> segments, no <c>.git</c> folder, no control characters (newlines in names
/// break logs and tools), within the length cap. Returns the reason it is refused, or null.
/// </summary>
internal static class TreePath
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Refuse(ReadOnlySpan<byte> raw, int maxBytes, out string path)
    {
        path = "";
        if (raw.Length == 0 || raw.Length > maxBytes)
        {
            return $"path longer than {maxBytes} bytes";
        }

        try
        {
            path = StrictUtf8.GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            path = Encoding.UTF8.GetString(raw);
            return "file name is not valid UTF-8";
        }

        if (path.StartsWith('/'))
        {
            return "absolute path";
        }

        if (path.Any(char.IsControl))
        {
            return "control character in the file name";
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                return "'.', '..' or empty path segment";
            }

            if (segment.Equals(".git", StringComparison.OrdinalIgnoreCase))
            {
                return ".git folder";
            }
        }

        return null;
    }

    /// <summary>A refused or odd path as it may be printed: control characters escaped.</summary>
    public static string Printable(string path) =>
        string.Concat(path.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
