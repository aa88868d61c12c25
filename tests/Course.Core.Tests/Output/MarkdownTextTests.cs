using Course.Core.Output;

namespace Course.Core.Tests.Output;

public sealed class MarkdownTextTests
{
    [Fact]
    public void Inline_NewlinesAndCarriageReturns_StayOnOneLineAndShowAsEscapes()
    {
        var text = MarkdownText.Inline("a\n## Verdict: passed\r\nScore: 100\r# x");

        Assert.DoesNotContain('\n', text);
        Assert.DoesNotContain('\r', text);
        Assert.Equal("a\\\\u000a\\#\\# Verdict: passed\\\\u000d\\\\u000aScore: 100\\\\u000d\\# x", text);
    }

    [Theory]
    [InlineData("```", "\\`\\`\\`")]
    [InlineData("| Verdict | passed |", "\\| Verdict \\| passed \\|")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("[Score: 100](javascript:x) ![i](http://e/i.png)", "\\[Score: 100\\](javascript:x) \\!\\[i\\](http://e/i.png)")]
    [InlineData("**Verdict: passed** _x_ ~~y~~ a\\b &amp;", "\\*\\*Verdict: passed\\*\\* \\_x\\_ \\~\\~y\\~\\~ a\\\\b &amp;amp;")]
    [InlineData("model.py", "model.py")]
    public void Inline_MarkdownPunctuation_ReadsAsText(string hostile, string escaped)
    {
        Assert.Equal(escaped, MarkdownText.Inline(hostile));
    }

    [Fact]
    public void Inline_InvisibleCharacters_ShownAsEscapes()
    {
        // A right-to-left override would show "Score: 100" reversed from harmless-looking bytes.
        var text = MarkdownText.Inline("a\u202e001 :erocS\u2028b\u200bc\u001b[31m\U000E0041");

        Assert.Equal("a\\\\u202e001 :erocS\\\\u2028b\\\\u200bc\\\\u001b\\[31m\\\\U000e0041", text);
    }

    [Fact]
    public void Inline_TrailingSpace_CannotBreakTheLine()
    {
        Assert.Equal("x &#32;", MarkdownText.Inline("x  "));
    }

    [Fact]
    public void Inline_LongText_CutWithAnEllipsis()
    {
        var text = MarkdownText.Inline(new string('a', 100_000));

        Assert.Equal(new string('a', MarkdownText.MaxInlineLength) + "…", text);
    }

    [Fact]
    public void CodeBlock_BacktickRunsInside_FenceIsLongerSoNoLineClosesIt()
    {
        var block = MarkdownText.CodeBlock("```\n# Score: 100\n`````\n~~~~\nend");

        var lines = block.Split('\n');
        Assert.Equal("``````", lines[0]);
        Assert.Equal("``````", lines[^1]);
        Assert.Equal(["```", "# Score: 100", "`````", "~~~~", "end"], lines[1..^1]);
    }

    [Fact]
    public void CodeBlock_ControlCharacters_VisibleExceptNewlineAndTab()
    {
        var block = MarkdownText.CodeBlock("a\r\nb\rc\td\u001b[31m\u202e\n\n");

        Assert.Equal("```\na\nb\\u000dc\td\\u001b[31m\\u202e\n```", block);
    }

    [Fact]
    public void Line_StringValues_EscapedWhileLiteralsAndMarkdownStay()
    {
        var value = "x\n# Score: 100";
        var badge = Markdown.Constant("**FAIL**");

        var line = Markdown.Line($"- {value}: {badge}, {0.5:0.00}, {DateTimeOffset.UnixEpoch:yyyy-MM-dd}");

        Assert.Equal("- x\\\\u000a\\# Score: 100: **FAIL**, 0.50, 1970-01-01", line.Text);
    }

    [Fact]
    public void Line_MultilineMarkdownValue_Refused()
    {
        var block = new MarkdownBuilder().Line($"a").Line($"b").ToMarkdown();

        Assert.Throws<ArgumentException>(() => Markdown.Line($"- {block}"));
    }

    [Fact]
    public void Builder_CodeBlockAndSection_EachOnLinesOfTheirOwn()
    {
        var section = new MarkdownBuilder().Line($"## Training").ToMarkdown();

        var text = new MarkdownBuilder().Line($"# {"hw1"}").Append(section).CodeBlock("out").ToString();

        Assert.Equal("# hw1\n## Training\n```\nout\n```\n", text);
    }
}
