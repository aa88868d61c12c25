using Course.Leaderboard.Scoring;
using Course.Leaderboard.Scoring.Csv;
using Course.Leaderboard.Tests.Support;

namespace Course.Leaderboard.Tests.Scoring;

public sealed class SolutionReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Score_UsageColumn_DecidesPublicAndPrivateRows()
    {
        var solution = SolutionReader.Read(_folder.Write("s.csv", "id,label,Usage\n1,a,Public\n2,b,Private\n3,a,Private\n4,b,Public\n"),
            Setups.For("accuracy"), CsvLimits.Default);

        var report = PredictionScorer.Score(solution, _folder.Write("p.csv", "id,label\n1,a\n2,a\n3,a\n4,a\n"), CsvLimits.Default);

        Assert.Equal(2, report.PublicRows);
        Assert.Equal(0.5, report.Public);
        Assert.Equal(0.5, report.Private);
        Assert.Equal(0.5, report.Score);
    }

    [Fact]
    public void Read_BadUsageValue_FailsNamingTheLine()
    {
        var error = Assert.Throws<InvalidFileException>(() => SolutionReader.Read(
            _folder.Write("s.csv", "id,label,Usage\n1,a,Public\n2,b,Ignored\n"), Setups.For("accuracy"), CsvLimits.Default));

        Assert.Equal("s.csv:3: column 'Usage': 'Ignored' is neither Public nor Private", error.Message);
    }

    [Fact]
    public void Read_WithoutUsage_SplitsByTheSeededHashNearTheFraction()
    {
        var rows = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{i},{i % 3}\n"));

        var solution = SolutionReader.Read(_folder.Write("s.csv", "id,label\n" + rows), Setups.For("accuracy"), CsvLimits.Default);

        Assert.InRange(solution.PublicRows, 2_800, 3_200);
        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal(PublicSplit.IsPublic(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 7, 0.3), solution.IsPublic[i]));
    }

    [Fact]
    public void IsPublic_OtherSeed_GivesAnotherSplit()
    {
        var ids = Enumerable.Range(0, 200).Select(i => $"row-{i}").ToList();

        var first = ids.Select(id => PublicSplit.IsPublic(id, 1, 0.5)).ToList();
        var again = ids.Select(id => PublicSplit.IsPublic(id, 1, 0.5)).ToList();
        var other = ids.Select(id => PublicSplit.IsPublic(id, 2, 0.5)).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Read_DuplicateId_IsRejected()
    {
        var error = Assert.Throws<InvalidFileException>(() =>
            SolutionReader.Read(_folder.Write("s.csv", "id,label\n1,a\n1,b\n"), Setups.For("accuracy"), CsvLimits.Default));

        Assert.Equal("s.csv:3: id '1' is repeated (first on line 2)", error.Message);
    }

    [Fact]
    public void Score_MulticlassLogLoss_ExpectsOneColumnPerClass()
    {
        var solution = SolutionReader.Read(_folder.Write("s.csv", "id,label\n1,cat\n2,dog\n3,emu\n"), Setups.For("log-loss"), CsvLimits.Default);

        var report = PredictionScorer.Score(solution,
            _folder.Write("p.csv", "id,dog,cat,emu\n1,0.1,0.8,0.1\n2,0.6,0.2,0.2\n3,0.3,0.3,0.4\n"), CsvLimits.Default);

        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.6) + Math.Log(0.4)) / 3, report.Score, 12);
    }

    [Fact]
    public void Score_BinaryRocAuc_ReadsTheScoreOfTheGreaterLabel()
    {
        // The sklearn example again, through files: labels 1 and 2, the score is that of label 2.
        var solution = SolutionReader.Read(_folder.Write("s.csv", "id,label\na,1\nb,1\nc,2\nd,2\n"), Setups.For("roc-auc"), CsvLimits.Default);

        var report = PredictionScorer.Score(solution, _folder.Write("p.csv", "id,label\na,0.1\nb,0.4\nc,0.35\nd,0.8\n"), CsvLimits.Default, split: false);

        Assert.Equal(0.75, report.Score, 12);
    }

    [Fact]
    public void Score_TwoRegressionTargets_AverageTheirMae()
    {
        var solution = SolutionReader.Read(_folder.Write("s.csv", "id,a,b\n1,0.5,1\n2,-1,1\n3,7,-6\n"), Setups.For("mae", "a", "b"), CsvLimits.Default);

        var report = PredictionScorer.Score(solution, _folder.Write("p.csv", "id,b,a\n1,2,0\n2,2,-1\n3,-5,8\n"), CsvLimits.Default);

        Assert.Equal(0.75, report.Score, 12);
    }
}
