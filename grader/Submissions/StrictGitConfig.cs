using System.Text;
using System.Text.RegularExpressions;

namespace Course.Grader.Submissions;

/// <summary>
/// Reads a repository's own <c>config</c> file in a plain subset of git's syntax: <c>[section]</c> and
/// <c>[section "subsection"]</c> headers, <c>name = value</c> lines and whole-line comments. Anything
/// git would read in more than one way or through escapes (quotes, backslashes, continuation lines,
/// inline comments, <c>[section.sub]</c>, a setting on a header's line) is refused, so the keys seen
/// here are exactly the keys git sees.
/// </summary>
internal static partial class StrictGitConfig
{
    /// <summary>The settings in file order; throws <see cref="IntakeException"/> naming the first line it does not accept.</summary>
    public static IReadOnlyList<GitConfigEntry> Parse(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw Refused("config is not valid UTF-8");
        }

        var entries = new List<GitConfigEntry>();
        string? section = null;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = (raw.EndsWith('\r') ? raw[..^1] : raw).Trim(' ', '\t');
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (Header().Match(line) is { Success: true } header)
            {
                section = header.Groups["section"].Value.ToLowerInvariant()
                    + (header.Groups["sub"].Success ? "." + header.Groups["sub"].Value : "");
                continue;
            }

            if (section is not null && Setting().Match(line) is { Success: true } setting)
            {
                entries.Add(new GitConfigEntry($"{section}.{setting.Groups["name"].Value.ToLowerInvariant()}",
                    setting.Groups["value"].Success ? setting.Groups["value"].Value.TrimEnd(' ', '\t') : null));
                continue;
            }

            throw Refused($"config line {number} is not in the plain form intake reads ('{Printable(line)}')");
        }

        return entries;
    }

    private static IntakeException Refused(string why) => new($"refused: {why}");

    private static string Printable(string line)
    {
        var shown = line.Length > 80 ? line[..80] + "..." : line;
        return string.Concat(shown.Select(c => char.IsControl(c) ? '?' : c));
    }

    [GeneratedRegex("""^\[(?<section>[A-Za-z0-9-]+)(?:[ \t]+"(?<sub>[^"\\\x00-\x1f\x7f]+)")?\][ \t]*(?:[#;].*)?$""")]
    private static partial Regex Header();

    [GeneratedRegex("""^(?<name>[A-Za-z][A-Za-z0-9-]*)[ \t]*(?:=[ \t]*(?<value>[^"\\#;\x00-\x1f\x7f]*))?$""")]
    private static partial Regex Setting();
}
