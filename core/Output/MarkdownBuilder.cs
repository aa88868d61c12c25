using System.Text;

namespace Course.Core.Output;

/// <summary>
/// Builds a Markdown document line by line from <see cref="MarkdownLine"/>s (every interpolated value
/// escaped), other <see cref="Markdown"/> and code blocks of someone else's text, so nothing a student
/// wrote can reach the document unescaped.
/// </summary>
public sealed class MarkdownBuilder
{
    private readonly StringBuilder _text = new();

    /// <summary>Appends one line, its interpolated values escaped.</summary>
    public MarkdownBuilder Line(ref MarkdownLine line)
    {
        _text.Append(line.ToStringAndClear()).Append('\n');
        return this;
    }

    /// <summary>Appends an empty line (ends a paragraph, a list or a table).</summary>
    public MarkdownBuilder Line()
    {
        _text.Append('\n');
        return this;
    }

    /// <summary>Appends a block of Markdown (a section rendered elsewhere), ending it with a line end.</summary>
    public MarkdownBuilder Append(Markdown block)
    {
        _text.Append(block.Text);
        if (block.Text.Length > 0 && block.Text[^1] != '\n')
        {
            _text.Append('\n');
        }

        return this;
    }

    /// <summary>Appends <paramref name="text"/> as a fenced code block (<see cref="MarkdownText.CodeBlock"/>).</summary>
    public MarkdownBuilder CodeBlock(string text) => Append(Markdown.CodeBlock(text));

    public Markdown ToMarkdown() => Markdown.Of(this);

    public override string ToString() => _text.ToString();
}
