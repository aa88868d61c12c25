using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

// bench/run board: reads of a competition's board over HTTP (`grader serve`, GET /api/leaderboard)
// on a quiet server, then the same readers while uploaders post predictions files (scored on the
// host, recorded in the database) as fast as the server takes them, same run, same server.
// Usage: Course.Bench.Board GRADER_DLL TEAMS SECONDS READERS UPLOADERS
var invariant = CultureInfo.InvariantCulture;
var grader = Path.GetFullPath(args[0]);
var (teams, seconds, readers, uploaders) = (int.Parse(args[1], invariant), int.Parse(args[2], invariant),
    int.Parse(args[3], invariant), int.Parse(args[4], invariant));
const int Rows = 10_000;
var root = Path.Combine(Path.GetTempPath(), $"course-bench-board-{Guid.NewGuid():N}");
Directory.CreateDirectory(root);
Process? server = null;
try
{
    var random = new Random(2026);
    var truth = Enumerable.Range(0, Rows).Select(_ => random.Next(10)).ToArray();
    WriteCourse(root, teams, truth);
    GraderCommand.Run(grader, root, "db", "migrate");
    GraderCommand.Run(grader, root, "roster", "import", "roster.csv");
    var tokens = Enumerable.Range(0, teams).Select(t => GraderCommand.Output(grader, root, "users", "token", Student(t))).ToArray();
    var address = new Uri($"http://127.0.0.1:{FreePort()}");
    server = GraderCommand.Start(grader, root, ["serve", "--urls", address.ToString()]);
    using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    await WaitUntilUpAsync(http, server);

    // Every team on the board once, so reads return a full board.
    var files = Enumerable.Range(0, 20).Select(_ => Predictions(truth, random.NextDouble())).ToArray();
    await Task.WhenAll(Enumerable.Range(0, teams).Select(t => UploadAsync(http, tokens[t], files[t % files.Length])));

    var quiet = await ReadForAsync(http, tokens[0], readers, TimeSpan.FromSeconds(seconds), CancellationToken.None);
    using var stop = new CancellationTokenSource();
    var uploads = 0;
    var uploading = Enumerable.Range(0, uploaders).Select(u => Task.Run(async () =>
    {
        for (var i = u; !stop.IsCancellationRequested; i += uploaders)
        {
            await UploadAsync(http, tokens[i % teams], files[i % files.Length]);
            Interlocked.Increment(ref uploads);
        }
    })).ToList();
    var busy = await ReadForAsync(http, tokens[0], readers, TimeSpan.FromSeconds(seconds), CancellationToken.None);
    await stop.CancelAsync();
    await Task.WhenAll(uploading);

    Console.WriteLine(string.Create(invariant, $"board of {teams} teams, {Rows:N0}-row test set, {readers} readers"));
    Console.WriteLine(string.Create(invariant, $"quiet:  {quiet.PerSecond,7:0.0} reads/s, p50 {quiet.P50,6:0.0} ms, p95 {quiet.P95,6:0.0} ms"));
    Console.WriteLine(string.Create(invariant,
        $"during uploads: {busy.PerSecond,7:0.0} reads/s, p50 {busy.P50,6:0.0} ms, p95 {busy.P95,6:0.0} ms; {uploads / (double)seconds:0.0} uploads/s by {uploaders} uploaders"));
    Console.WriteLine(string.Create(invariant, $"board: ratio {busy.PerSecond / quiet.PerSecond:0.00} (board reads per second during concurrent uploads vs on a quiet server)"));
}
finally
{
    if (server is not null)
    {
        GraderCommand.Stop(server);
    }

    Directory.Delete(root, recursive: true);
}

static string Student(int team) => string.Create(CultureInfo.InvariantCulture, $"s{team:D3}");

static async Task<ReadStats> ReadForAsync(HttpClient http, string token, int readers, TimeSpan duration, CancellationToken cancellation)
{
    var latencies = new List<double>[readers];
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, readers).Select(r => Task.Run(async () =>
    {
        latencies[r] = [];
        while (clock.Elapsed < duration)
        {
            var started = clock.Elapsed;
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leaderboard/hw2");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellation);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(cancellation);
            latencies[r].Add((clock.Elapsed - started).TotalMilliseconds);
        }
    }, cancellation)));
    var all = latencies.SelectMany(l => l).Order().ToList();
    return new ReadStats(all.Count / clock.Elapsed.TotalSeconds, all[all.Count / 2], all[(int)(all.Count * 0.95)]);
}

static async Task UploadAsync(HttpClient http, string token, byte[] file)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/leaderboard/hw2/submissions") { Content = new ByteArrayContent(file) };
    request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    if (response.StatusCode != HttpStatusCode.Created)
    {
        throw new InvalidOperationException($"upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

static byte[] Predictions(int[] truth, double skill)
{
    var random = new Random(truth.Length + (int)(skill * 1000));
    var text = new StringBuilder("id,label\n");
    for (var i = 0; i < truth.Length; i++)
    {
        text.Append(CultureInfo.InvariantCulture, $"{i},{(random.NextDouble() < skill ? truth[i] : random.Next(10))}\n");
    }

    return Encoding.UTF8.GetBytes(text.ToString());
}

static void WriteCourse(string root, int teams, int[] truth)
{
    File.WriteAllText(Path.Combine(root, "course.json"), """
        {
          "name": "Board", "term": "bench", "timeZone": "UTC",
          "staff": [{ "login": "prof", "role": "instructor", "name": "Prof", "email": "prof@example.edu" }],
          "github": { "organization": "bench", "repositoryPattern": "{assignment}-{login}" },
          "roster": "roster.csv",
          "assignments": [{
            "id": "hw2", "title": "Board", "kind": "competition", "release": "2026-01-01T00:00", "deadline": "2099-01-01T00:00",
            "weight": 100, "image": "course-busybox", "command": ["sh", "/submission/run.sh"],
            "limits": { "cpus": 1, "memory": "64m", "timeout": "30s", "pids": 64, "tmp": "16m" },
            "competition": {
              "metric": "accuracy", "solution": "solution.csv", "idColumn": "id", "targetColumns": ["label"],
              "publicFraction": 0.3, "splitSeed": 7, "dailyLimit": 1000, "finalSelections": 2
            }
          }]
        }
        """);
    File.WriteAllLines(Path.Combine(root, "roster.csv"),
        ["login,name,email", .. Enumerable.Range(0, teams).Select(t => $"{Student(t)},Student {t},{Student(t)}@example.edu")]);
    File.WriteAllLines(Path.Combine(root, "solution.csv"),
        ["id,label", .. truth.Select((label, i) => string.Create(CultureInfo.InvariantCulture, $"{i},{label}"))]);
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task WaitUntilUpAsync(HttpClient http, Process server)
{
    for (var attempt = 0; attempt < 300; attempt++)
    {
        if (server.HasExited)
        {
            throw new InvalidOperationException($"grader serve exited: {await server.StandardError.ReadToEndAsync()}");
        }

        try
        {
            await http.GetAsync("/");
            return;
        }
        catch (HttpRequestException)
        {
            await Task.Delay(200);
        }
    }

    throw new InvalidOperationException("grader serve did not answer within a minute");
}

internal sealed record ReadStats(double PerSecond, double P50, double P95);
