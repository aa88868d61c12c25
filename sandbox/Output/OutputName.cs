namespace Course.Sandbox.Output;

/// <summary>Checks the names of entries in the <c>/out</c> archive.</summary>
internal static class OutputName
{
    private const int MaxLength = 255;

    /// <summary>The name relative to /out ("out/a/b.csv" → "a/b.csv"), or null for /out itself.</summary>
    public static string? Relative(string entryName)
    {
        var name = entryName.TrimEnd('/');
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? null : name[(slash + 1)..];
    }

    /// <summary>Why a name is refused, or null when it is a plain relative path.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0 || name.StartsWith('/'))
        {
            return "absolute or empty path";
        }

        if (name.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            return "path escapes /out";
        }

        // The tar reader turns invalid UTF-8 into U+FFFD; such names cannot round-trip.
        if (name.Any(c => char.IsControl(c) || c == '\uFFFD'))
        {
            return "unsafe file name (control character or invalid UTF-8)";
        }

        return name.Length > MaxLength ? $"name longer than {MaxLength} characters" : null;
    }
}
