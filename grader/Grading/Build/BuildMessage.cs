using System.Globalization;

namespace Course.Grader.Grading.Build;

/// <summary>
/// One error of a build, as the student reads it: the file in their own repository (the container's
/// copy at <see cref="SourceRoot"/> mapped back), line, column, the compiler's code and its text.
/// Parsed from a line of MSBuild's error log, which is untrusted (a student's MSBuild target writes what it
/// likes there): every part is plain text to be escaped, and a line that does not parse is kept as text.
/// </summary>
internal sealed record BuildMessage(string? File, int? Line, int? Column, string? Code, string Text)
{
    /// <summary>Where the build wrapper copies /submission before building it.</summary>
    public const string SourceRoot = "/tmp/src/";

    /// <summary>Longest line parsed; the rest of a longer one is cut.</summary>
    private const int MaxLineLength = 2000;

    private const string ErrorMarker = ": error ";

    /// <summary>
    /// Reads <c>ORIGIN(LINE,COL[,ENDLINE,ENDCOL]): error CODE: TEXT [PROJECT]</c> and its variants without a
    /// location (<c>Starter.csproj : error NU1101: ...</c>), without a code (<c>: error : TEXT</c>) or without an
    /// origin (<c>error CODE: TEXT</c>). A node prefix (<c>1&gt;</c>, <c>1:7&gt;</c>) is dropped.
    /// </summary>
    public static BuildMessage Parse(string line)
    {
        line = WithoutNodePrefix((line.Length > MaxLineLength ? line[..MaxLineLength] : line).Trim());
        var marker = line.IndexOf(ErrorMarker, StringComparison.Ordinal);
        string origin;
        string rest;
        if (marker >= 0)
        {
            (origin, rest) = (line[..marker].Trim(), line[(marker + ErrorMarker.Length)..]);
        }
        else if (line.StartsWith("error ", StringComparison.Ordinal))
        {
            (origin, rest) = ("", line["error ".Length..]);
        }
        else
        {
            return new BuildMessage(null, null, null, null, Relative(line));
        }

        rest = WithoutProjectSuffix(rest.Trim()).TrimStart(':').Trim();
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var code = colon > 0 && IsCode(rest[..colon]) ? rest[..colon] : null;
        var text = Relative(code is null ? rest : rest[(colon + 1)..].Trim());
        var (file, lineNumber, column) = Location(origin);
        return new BuildMessage(file, lineNumber, column, code, text);
    }

    /// <summary>The package a restore error (NU1101, NU1102, NU1103) says it could not find, or null.</summary>
    public string? MissingPackage
    {
        get
        {
            const string Prefix = "Unable to find package ";
            if (Code is not ("NU1101" or "NU1102" or "NU1103") || !Text.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return null;
            }

            var id = new string(Text[Prefix.Length..].TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-').ToArray()).TrimEnd('.');
            return id.Length > 0 ? id : null;
        }
    }

    /// <summary>"Program.cs:12:5: CS1002 ; expected"</summary>
    public override string ToString()
    {
        var where = File is null ? ""
            : File + (Line is { } line ? string.Create(CultureInfo.InvariantCulture, $":{line}") + (Column is { } column ? string.Create(CultureInfo.InvariantCulture, $":{column}") : "") : "") + ": ";
        return where + (Code is null ? "" : Code + " ") + Text;
    }

    private static (string? File, int? Line, int? Column) Location(string origin)
    {
        if (origin.Length == 0)
        {
            return (null, null, null);
        }

        var open = origin.LastIndexOf('(');
        if (origin.EndsWith(')') && open > 0)
        {
            var numbers = origin[(open + 1)..^1].Split(',');
            var parsed = numbers.Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (int?)null).ToList();
            if (numbers.Length is >= 1 and <= 4 && parsed.All(n => n is not null))
            {
                return (Relative(origin[..open].TrimEnd()), parsed[0], parsed.ElementAtOrDefault(1));
            }
        }

        return (Relative(origin), null, null);
    }

    /// <summary>The container's copy of the repository is <see cref="SourceRoot"/>: paths under it become the repository's own.</summary>
    private static string Relative(string text) => text.Replace(SourceRoot, "", StringComparison.Ordinal);

    /// <summary>MSBuild ends a message with the project it came from: " [/tmp/src/Starter.csproj]".</summary>
    private static string WithoutProjectSuffix(string text)
    {
        var open = text.LastIndexOf(" [", StringComparison.Ordinal);
        return open >= 0 && text.EndsWith("proj]", StringComparison.Ordinal) && text[(open + 2)..].StartsWith('/') ? text[..open] : text;
    }

    /// <summary>A parallel build prefixes a node's first line with "1&gt;" or "1:7&gt;".</summary>
    private static string WithoutNodePrefix(string line)
    {
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return end > 0 && line[..end].All(c => char.IsAsciiDigit(c) || c == ':') && char.IsAsciiDigit(line[0]) ? line[(end + 1)..] : line;
    }

    /// <summary>CS1002, NU1101, MSB1011: letters, then digits.</summary>
    private static bool IsCode(string text)
    {
        var letters = text.TakeWhile(char.IsAsciiLetter).Count();
        return letters is >= 1 and <= 8 && text.Length - letters is >= 1 and <= 6 && text[letters..].All(char.IsAsciiDigit);
    }
}
