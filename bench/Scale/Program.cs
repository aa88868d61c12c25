using System.Globalization;
using Microsoft.Data.Sqlite;

// Deadline-rush scaling: the recorded job durations of a demo run (grader_jobs, claim to finish, each with its
// result) replayed as a rush of STUDENTS submissions over the last MINUTES before a deadline, against 1 to 32
// workers in a discrete-event model. Prints throughput and 95th-percentile wait per worker count, marks where more
// workers stop helping, and draws it as a PNG.
var invariant = CultureInfo.InvariantCulture;
var database = Path.GetFullPath(args[0]);
var students = int.Parse(args[1], invariant);
var minutes = double.Parse(args[2], invariant);
var picture = Path.GetFullPath(args[3]);
if (!File.Exists(database))
{
    Console.Error.WriteLine($"scale: no demo database at {database}: run scripts/demo.sh first (it grades the demo course), or name one");
    return 2;
}

var durations = new List<double>();
using (var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly"))
{
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = """
        SELECT j."FinishedAt" - j."StartedAt" FROM grader_jobs j JOIN grader_results r ON r."JobId" = j."Id"
        WHERE j."StartedAt" IS NOT NULL AND j."FinishedAt" IS NOT NULL AND r."Verdict" <> 'InfrastructureFailure'
        """;
    using var reader = command.ExecuteReader();
    while (reader.Read())
    {
        durations.Add(reader.GetInt64(0) / 1000.0);
    }
}

if (durations.Count == 0)
{
    Console.Error.WriteLine($"scale: {database} holds no graded jobs: run scripts/demo.sh first");
    return 2;
}

var sorted = durations.Order().ToList();
var median = sorted[sorted.Count / 2];
Console.WriteLine(string.Create(invariant,
    $"{durations.Count} recorded demo jobs: {sorted[0]:0.0} s to {sorted[^1]:0.0} s, median {median:0.0} s, mean {durations.Average():0.0} s"));
var rush = RushModel.Rush(students, TimeSpan.FromMinutes(minutes), durations, seed: 2026);
Console.WriteLine(string.Create(invariant,
    $"rush: {students} submissions in the last {minutes:0} min before the deadline (density rising to it), {rush.Sum(j => j.Duration) / 3600:0.00} worker-hours of grading"));
var outcomes = Enumerable.Range(1, 32).Select(workers => RushModel.Simulate(rush, workers)).ToList();
var knee = RushModel.Knee(outcomes, median);
Console.WriteLine("workers  jobs/min  p95 wait  mean wait  last result (min after the first push)");
foreach (var o in outcomes)
{
    Console.WriteLine(string.Create(invariant,
        $"{o.Workers,7}  {o.JobsPerMinute,8:0.0}  {o.P95WaitSeconds,7:0} s  {o.MeanWaitSeconds,7:0} s  {o.LastFinishMinutes,6:0.0} min{(o.Workers == knee ? "  <- more workers stop helping" : "")}"));
}

ScalePlot.Save(outcomes, knee, $"Deadline rush: {students} students over {durations.Count} recorded demo jobs", picture);
Console.WriteLine(string.Create(invariant,
    $"beyond {knee} workers the 95th-percentile wait stays within one median job ({median:0.0} s) of 32 workers' ({outcomes[^1].P95WaitSeconds:0.0} s): arrivals, not workers, set the pace"));
Console.WriteLine($"picture: {picture}");
Console.WriteLine(string.Create(invariant,
    $"scale: ratio {outcomes[knee - 1].JobsPerMinute / outcomes[0].JobsPerMinute:0.00} (throughput with {knee} workers, where more stop helping, vs 1 worker; {students}-student rush, modelled)"));
return 0;
