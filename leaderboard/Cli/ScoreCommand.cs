using System.CommandLine;
using System.Globalization;
using Course.Core.Cli;
using Course.Leaderboard.Scoring;
using Course.Leaderboard.Scoring.Csv;
using Course.Leaderboard.Scoring.Metrics;

namespace Course.Leaderboard.Cli;

/// <summary>
/// <c>grader score --metric M --solution S --predictions P [--json]</c>: scores a file without a
/// course or a database, for instructors checking a solution and for scripts. The public and private
/// scores are computed only for <c>--json</c>, the one output that shows them: the seeded split costs a
/// SHA-256 per row, more than reading both files.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create(CliHost host)
    {
        var metric = new Option<string>("--metric") { Description = $"One of {string.Join(", ", Metric.All.Select(m => m.Name))}", Required = true };
        var solution = new Option<string>("--solution") { Description = "Solution CSV (id, target column(s), optional Usage)", Required = true };
        var predictions = new Option<string>("--predictions") { Description = "Predictions CSV to score", Required = true };
        var idColumn = new Option<string>("--id-column") { Description = "Name of the id column", DefaultValueFactory = _ => "id" };
        var targets = new Option<string[]>("--target")
        {
            Description = "Target column(s) of the solution; default: every column but the id and Usage",
            AllowMultipleArgumentsPerToken = true,
        };
        var fraction = new Option<double>("--public-fraction") { Description = "Public share when the solution has no Usage column", DefaultValueFactory = _ => 0.3 };
        var seed = new Option<int>("--split-seed") { Description = "Seed of the public/private split", DefaultValueFactory = _ => 1 };
        var maxBytes = new Option<long>("--max-bytes") { Description = "Largest accepted predictions file", DefaultValueFactory = _ => CsvLimits.DefaultMaxFileBytes };
        var command = new Command("score", "Score a predictions file against a solution file (exit 2 naming the line of an invalid file)")
        {
            metric, solution, predictions, idColumn, targets, fraction, seed, maxBytes,
        };
        host.Handle(command, async context =>
        {
            var limits = CsvLimits.Default with { MaxFileBytes = context.Get(maxBytes) };
            var solutionPath = context.Get(solution);
            var targetColumns = context.Parse.GetValue(targets) is { Length: > 0 } given
                ? given
                : SolutionColumns.Targets(solutionPath, context.Get(idColumn), limits);
            var setup = new ScoringSetup(Metric.Parse(context.Get(metric)), context.Get(idColumn), targetColumns,
                context.Get(fraction), context.Get(seed));
            var loaded = SolutionReader.Read(solutionPath, setup, limits);
            var report = PredictionScorer.Score(loaded, context.Get(predictions), limits, split: context.Json);
            if (context.Json)
            {
                await context.WriteJsonAsync(report);
            }
            else
            {
                await context.Out.WriteLineAsync(report.Score.ToString("R", CultureInfo.InvariantCulture));
            }

            return 0;
        });
        return command;
    }
}
