using System.Text;
using Course.Leaderboard.Scoring;
using Course.Leaderboard.Scoring.Csv;
using Course.Leaderboard.Tests.Support;

namespace Course.Leaderboard.Tests.Scoring;

/// <summary>Every bad-input case of docs/SECURITY.md rule 6, and the good ones that must pass.</summary>
public sealed class PredictionReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Score_ByteOrderMarkAndCrlf_AreAccepted()
    {
        var solution = Solution("id,label\n1,a\n2,b\n3,a\n");
        var path = _folder.File("bom.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. "id,label\r\n1,a\r\n2,b\r\n3,b\r\n"u8.ToArray()]);

        var report = PredictionScorer.Score(solution, path, CsvLimits.Default);

        Assert.Equal(2.0 / 3, report.Score, 12);
    }

    [Fact]
    public void Score_ColumnsInAnotherOrder_AreMatchedByName()
    {
        var solution = Solution("id,label\n1,a\n2,b\n");

        var report = PredictionScorer.Score(solution, _folder.Write("p.csv", "label,id\nb,2\na,1\n"), CsvLimits.Default);

        Assert.Equal(1.0, report.Score);
    }

    [Theory]
    [InlineData("id,label\n1,a\n2,b\n", "p.csv:4: end of file: 1 id(s) of the test set have no prediction (first: '3')")]
    [InlineData("id,label\n1,a\n2,b\n1,a\n", "p.csv:4: id '1' is repeated (first on line 2)")]
    [InlineData("id,label\n1,a\n9,b\n3,a\n", "p.csv:3: id '9' is not an id of the test set")]
    [InlineData("id,label\n1,a\n,b\n3,a\n", "p.csv:3: column 'id' is empty")]
    [InlineData("id,label\n1,a\n2,b,x\n3,a\n", "p.csv:3: 3 fields, the header has 2")]
    [InlineData("id,label\n1,a\n2\n3,a\n", "p.csv:3: 1 fields, the header has 2")]
    [InlineData("id,label,extra\n1,a,0\n2,b,0\n3,a,0\n", "p.csv:1: unexpected column(s) 'extra'")]
    [InlineData("id,prediction\n1,a\n2,b\n3,a\n", "p.csv:1: missing column(s) 'label'; unexpected column(s) 'prediction'")]
    [InlineData("id,label,label\n1,a,a\n", "p.csv:1: column 'label' appears 2 times in the header")]
    [InlineData("id,label\n1,\n2,b\n3,a\n", "p.csv:2: column 'label' is empty")]
    public void Score_BadLabelFile_FailsNamingTheLine(string content, string expected)
    {
        var solution = Solution("id,label\n1,a\n2,b\n3,a\n");

        var error = Assert.Throws<InvalidFileException>(() => PredictionScorer.Score(solution, _folder.Write("p.csv", content), CsvLimits.Default));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN", "is not a finite number")]
    [InlineData("Infinity", "is not a finite number")]
    [InlineData("-Infinity", "is not a finite number")]
    [InlineData("inf", "is not a number")]
    [InlineData("1e999", "is not a finite number")]
    [InlineData("abc", "is not a number")]
    [InlineData("1,5", "3 fields, the header has 2")]
    public void Score_NonFiniteRegressionValue_FailsNamingTheLine(string value, string expected)
    {
        var solution = Solution("id,y\n1,1.5\n2,2.5\n", "rmse");

        var error = Assert.Throws<InvalidFileException>(() =>
            PredictionScorer.Score(solution, _folder.Write("p.csv", $"id,y\n1,1.0\n2,{value}\n"), CsvLimits.Default));

        Assert.Equal(3, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ProbabilityAboveOne_IsRejected()
    {
        var solution = Solution("id,label\n1,0\n2,1\n", "log-loss");

        var error = Assert.Throws<InvalidFileException>(() =>
            PredictionScorer.Score(solution, _folder.Write("p.csv", "id,label\n1,0.2\n2,1.5\n"), CsvLimits.Default));

        Assert.Equal("p.csv:3: column 'label': 1.5 is not a probability (0 to 1)", error.Message);
    }

    [Fact]
    public void Score_NegativeValueForRmsle_IsRejectedWithItsLine()
    {
        var solution = Solution("id,y\n1,1\n2,2\n", "rmsle");

        var error = Assert.Throws<InvalidFileException>(() =>
            PredictionScorer.Score(solution, _folder.Write("p.csv", "id,y\n1,1\n2,-3\n"), CsvLimits.Default));

        Assert.Equal("p.csv:3: column 'y': -3 is negative (rmsle needs values of at least 0)", error.Message);
    }

    [Fact]
    public void Score_OneMegabyteLine_IsRejectedWithItsLine()
    {
        var solution = Solution("id,label\n1,a\n2,b\n3,a\n");
        var path = _folder.Write("p.csv", $"id,label\n1,a\n2,{new string('b', 1024 * 1024)}\n3,a\n");

        var error = Assert.Throws<InvalidFileException>(() => PredictionScorer.Score(solution, path, CsvLimits.Default));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Score_FileOverTheSizeLimit_IsRejectedBeforeReading()
    {
        var solution = Solution("id,label\n1,a\n");
        var path = _folder.File("huge.csv");
        using (var file = File.Create(path))
        {
            // A sparse 10 GB file: the size is checked before any byte is parsed.
            file.SetLength(10L * 1024 * 1024 * 1024);
        }

        var error = Assert.Throws<InvalidFileException>(() => PredictionScorer.Score(solution, path, CsvLimits.Default));

        Assert.Contains("more than the limit of 209,715,200 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_EmptyFile_IsRejected()
    {
        var solution = Solution("id,label\n1,a\n");

        var error = Assert.Throws<InvalidFileException>(() => PredictionScorer.Score(solution, _folder.Write("p.csv", ""), CsvLimits.Default));

        Assert.Equal("p.csv:1: file is empty (a header line is required)", error.Message);
    }

    [Fact]
    public void Score_NamedPipe_IsRejectedWithoutWaitingForAWriter()
    {
        var solution = Solution("id,label\n1,a\n");
        var pipe = _folder.File("p.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe]))
        {
            mkfifo.WaitForExit();
        }

        var error = Assert.Throws<InvalidFileException>(() => PredictionScorer.Score(solution, pipe, CsvLimits.Default));

        Assert.Equal("p.csv:1: file is empty (a header line is required)", error.Message);
    }

    [Fact]
    public void Score_SymbolicLink_IsRejected()
    {
        var solution = Solution("id,label\n1,a\n");
        var target = _folder.Write("target.csv", "id,label\n1,a\n");
        var link = _folder.File("link.csv");
        File.CreateSymbolicLink(link, target);

        var error = Assert.Throws<InvalidFileException>(() => PredictionScorer.Score(solution, link, CsvLimits.Default));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_UnclosedQuote_IsRejectedNotSwallowed()
    {
        var solution = Solution("id,label\n1,a\n2,b\n3,a\n");

        var error = Assert.Throws<InvalidFileException>(() =>
            PredictionScorer.Score(solution, _folder.Write("p.csv", "id,label\n1,a\n2,\"b\n3,a\n"), CsvLimits.Default));

        Assert.True(error.Line >= 3, error.Message);
    }

    [Fact]
    public void Score_LabelTheSolutionNeverUses_CountsAsWrong()
    {
        var solution = Solution("id,label\n1,a\n2,b\n");

        var report = PredictionScorer.Score(solution, _folder.Write("p.csv", "id,label\n1,a\n2,zzz\n"), CsvLimits.Default);

        Assert.Equal(0.5, report.Score);
    }

    private Solution Solution(string content, string metric = "accuracy") =>
        SolutionReader.Read(_folder.Write("solution.csv", content), Setups.For(metric), CsvLimits.Default);
}
