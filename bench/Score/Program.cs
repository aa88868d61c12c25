using System.Diagnostics;
using System.Globalization;
using Course.Assignments.Model;
using Course.Leaderboard.Scoring;
using Course.Leaderboard.Scoring.Csv;
using Course.Leaderboard.Scoring.Metrics;

// bench/run score: times the host scorer on a solution and a predictions file (median of RUNS after
// one warm-up run), reading both files and computing accuracy, as the pandas side does.
// Usage: Course.Bench.Score SOLUTION PREDICTIONS RUNS
var (solutionPath, predictionsPath, runs) = (args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
var setup = new ScoringSetup(Metric.Parse(CompetitionMetrics.Accuracy), "id", ["label"], 0.3, 1);
double Once(out double score)
{
    var watch = Stopwatch.StartNew();
    var solution = SolutionReader.Read(solutionPath, setup, CsvLimits.Default);
    score = PredictionScorer.Score(solution, predictionsPath, CsvLimits.Default, split: false).Score;
    return watch.Elapsed.TotalSeconds;
}

var first = Once(out var accuracy);
var times = Enumerable.Range(0, runs).Select(_ => Once(out double _)).Order().ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"grader scorer: first run {first:0.000} s, median {times[times.Count / 2]:0.000} s, accuracy {accuracy:0.000000}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {times[times.Count / 2]:0.000000}"));
