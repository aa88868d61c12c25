using System.Diagnostics.CodeAnalysis;

namespace Course.Core.Output;

/// <summary>
/// Markdown that is safe to put in a document as it is: a constant written in the code, a line whose
/// interpolated values were escaped (<see cref="Line"/>) or what a <see cref="MarkdownBuilder"/> built.
/// Text from anywhere else has no way to become one, so a report that takes <see cref="Markdown"/>
/// cannot be handed a student's raw string.
/// </summary>
public sealed class Markdown
{
    private Markdown(string text) => Text = text;

    public string Text { get; }

    /// <summary>Markup written in the code (a heading, a badge): a compile-time constant only.</summary>
    public static Markdown Constant([ConstantExpected] string markup) => new(markup);

    /// <summary>One line: literal parts as written, every interpolated value escaped (see <see cref="MarkdownLine"/>).</summary>
    public static Markdown Line(ref MarkdownLine line) => new(line.ToStringAndClear());

    /// <summary>Text someone else wrote, as a fenced code block (<see cref="MarkdownText.CodeBlock"/>).</summary>
    public static Markdown CodeBlock(string text) => new(MarkdownText.CodeBlock(text));

    /// <summary>What <paramref name="builder"/> has built so far.</summary>
    public static Markdown Of(MarkdownBuilder builder) => new(builder.ToString());

    public override string ToString() => Text;
}
