using System.Globalization;
using System.Text;

namespace Course.Core.Output;

/// <summary>
/// Escapes text that someone else wrote (a student's file name, a log line, a parser's quote of it) for
/// a Markdown document, so it reads as what it is and can never add a heading, a list item, a table row,
/// a link or a line of its own. Invisible characters (controls, bidirectional overrides, zero-width
/// characters, line separators) are shown as <c>\uXXXX</c>.
/// </summary>
public static class MarkdownText
{
    /// <summary>Longest text <see cref="Inline"/> keeps; the rest is cut and marked with an ellipsis.</summary>
    public const int MaxInlineLength = 500;

    /// <summary>
    /// The text as Markdown for the middle of a line (never the start of one): one line, every character
    /// that could start markup backslash-escaped, <c>&lt; &gt; &amp;</c> as entities so no renderer
    /// sees a tag, and a trailing space kept from forming a hard line break.
    /// </summary>
    public static string Inline(string text)
    {
        var cut = text.Length > MaxInlineLength;
        var builder = new StringBuilder(Math.Min(text.Length, MaxInlineLength) + 16);
        foreach (var rune in Runes(cut ? text[..MaxInlineLength] : text))
        {
            if (Invisible(rune))
            {
                // The backslash is escaped so the reader sees \u000a, not a line break.
                builder.Append('\\').Append(Visible(rune));
                continue;
            }

            switch (rune.Value)
            {
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '~' or '!':
                    builder.Append('\\').Append((char)rune.Value);
                    break;
                default:
                    builder.Append(rune.ToString());
                    break;
            }
        }

        if (cut)
        {
            builder.Append('…');
        }
        else if (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
            builder.Append("&#32;");
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text as a fenced code block (lines of its own, no trailing newline): a backtick fence longer
    /// than any backtick run in the text, so no line of it can close the block; Windows line ends read as
    /// line ends, every other invisible character but newline and tab is shown as <c>\uXXXX</c>.
    /// </summary>
    public static string CodeBlock(string text)
    {
        var body = new StringBuilder(text.Length);
        foreach (var rune in Runes(text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd()))
        {
            if (rune.Value is not ('\n' or '\t') && Invisible(rune))
            {
                body.Append(Visible(rune));
            }
            else
            {
                body.Append(rune.ToString());
            }
        }

        var fence = new string('`', Math.Max(3, LongestRun(body, '`') + 1));
        return $"{fence}\n{body}\n{fence}";
    }

    // Lone surrogates (invalid UTF-16) come through as U+FFFD runes, which stay visible as such.
    private static IEnumerable<Rune> Runes(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var used);
            yield return rune;
            index += used;
        }
    }

    private static bool Invisible(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static string Visible(Rune rune) => rune.Value <= 0xFFFF
        ? string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}")
        : string.Create(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");

    private static int LongestRun(StringBuilder text, char mark)
    {
        int longest = 0, run = 0;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                run = c == mark ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
        }

        return longest;
    }
}
