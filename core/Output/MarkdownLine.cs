using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Course.Core.Output;

/// <summary>
/// An interpolated line of Markdown: the literal parts are the code's own markup, every interpolated
/// value is text, escaped with <see cref="MarkdownText.Inline"/> (numbers and dates formatted with the
/// invariant culture first), except a <see cref="Markdown"/> value, which is markup already and must
/// be one line.
/// </summary>
[InterpolatedStringHandler]
public ref struct MarkdownLine
{
    private StringBuilder? _text;

    public MarkdownLine(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength + formattedCount * 16);

    public readonly void AppendLiteral(string value) => _text!.Append(value);

    public readonly void AppendFormatted(string? value) => _text!.Append(MarkdownText.Inline(value ?? ""));

    public readonly void AppendFormatted(Markdown? value)
    {
        var text = value?.Text ?? "";
        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException("Markdown put inside a line must be one line", nameof(value));
        }

        _text!.Append(text);
    }

    public readonly void AppendFormatted<T>(T value, string? format = null) =>
        AppendFormatted(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString());

    /// <summary>The line, without a line end.</summary>
    public string ToStringAndClear()
    {
        var text = _text!.ToString();
        _text = null;
        return text;
    }
}
