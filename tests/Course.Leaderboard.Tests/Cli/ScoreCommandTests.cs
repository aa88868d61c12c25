using System.CommandLine;
using System.Text.Json;
using Course.Assignments.Model;
using Course.Core.Cli;
using Course.Leaderboard.Tests.Support;

namespace Course.Leaderboard.Tests.Cli;

/// <summary>
/// <c>grader score</c>: the plain output is the overall score alone; <c>--json</c> also reports the public and
/// private parts, the one output that needs the split.
/// </summary>
public sealed class ScoreCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Score_PlainOutput_PrintsTheOverallScoreOnly()
    {
        var (exit, output) = await ScoreAsync();

        Assert.Equal(0, exit);
        Assert.Equal("0.75", output.Trim());
    }

    [Fact]
    public async Task Score_Json_ReportsPublicAndPrivateParts()
    {
        var (exit, output) = await ScoreAsync("--json");

        Assert.Equal(0, exit);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(0.75, report.GetProperty("score").GetDouble());
        Assert.Equal(1.0, report.GetProperty("public").GetDouble());
        Assert.Equal(0.5, report.GetProperty("private").GetDouble());
        Assert.Equal(2, report.GetProperty("publicRows").GetInt32());
    }

    private async Task<(int Exit, string Output)> ScoreAsync(params string[] extra)
    {
        var solution = _folder.Write("solution.csv", "id,label,Usage\na,0,Public\nb,1,Public\nc,0,Private\nd,1,Private\n");
        var predictions = _folder.Write("predictions.csv", "id,label\na,0\nb,1\nc,1\nd,1\n");
        var output = new StringWriter();
        var host = new CliHost((_, _) => { }) { Out = output, Error = output };
        var root = new RootCommand { GlobalOptions.Course, GlobalOptions.Json };
        foreach (var command in LeaderboardModule.Commands(host))
        {
            root.Subcommands.Add(command);
        }

        var exit = await host.InvokeAsync(root, ["score", "--metric", CompetitionMetrics.Accuracy, "--solution", solution, "--predictions", predictions, .. extra]);
        return (exit, output.ToString());
    }
}
