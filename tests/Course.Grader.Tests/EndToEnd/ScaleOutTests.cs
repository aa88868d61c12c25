using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Course.Grader.Queue;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Tests.EndToEnd;

/// <summary>
/// Scale-out with nothing shared but the database: two <c>grader worker</c> processes and a <c>grader serve</c>,
/// each in a folder of its own holding only course.json, on one real PostgreSQL server. The workers grade a rush of
/// pushes taken in by local git intake; the server serves every feedback page and curve, also after the workers'
/// folders are deleted.
/// </summary>
public sealed class ScaleOutTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    [Fact(Timeout = 480_000)]
    public async Task WorkersAndServerInOwnFolders_ShareOnlyPostgreSql_EveryPushGradedAndEveryPageServed()
    {
        await using var postgres = await PostgresCluster.StartAsync();
        string[] students = ["ann", "ben", "cat", "dan", "eve", "fay"];
        using var course = await TestCourse.CreateAsync(connectionString: postgres.ConnectionString, deadline: "2099-01-01T00:00", students: students);
        course.UseFastQueue(leaseSeconds: 30);
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        foreach (var student in students)
        {
            GitRepos.CreateBare(repos, $"hw1-{student}", new Dictionary<string, string> { ["run.sh"] = RunScript(41) });
        }

        Assert.Equal(0, (await course.RunAsync("images", "build", "course-busybox")).Exit);
        var root = Path.Combine(Path.GetTempPath(), "course-grader-tests", "scale-out-" + Guid.NewGuid().ToString("N"));
        var (firstFolder, secondFolder, serverFolder) = (Path.Combine(root, "worker-1"), Path.Combine(root, "worker-2"), Path.Combine(root, "server"));
        try
        {
            var address = new Uri($"http://127.0.0.1:{FreePort()}");
            using var first = GraderProcess.StartIn(course, firstFolder, "worker", "--concurrency", "2");
            using var second = GraderProcess.StartIn(course, secondFolder, "worker", "--concurrency", "2");
            using var server = GraderProcess.StartIn(course, serverFolder, "serve", "--urls", address.ToString(), "--workers", "0");
            string Output() => $"worker 1:\n{first.Output}\nworker 2:\n{second.Output}\nserver:\n{server.Output}";
            await Eventually.WaitAsync(() => Task.FromResult(first.Output.Contains("waiting for jobs") && second.Output.Contains("waiting for jobs")),
                Patience, Output);

            // The rush: every student pushes, and pushes again while the first runs are graded.
            await IntakeAsync(course, repos);
            foreach (var student in students)
            {
                GitRepos.Push(repos, $"hw1-{student}", "run.sh", RunScript(42));
            }

            await IntakeAsync(course, repos);
            await Eventually.WaitAsync(async () => await course.QueryAsync(db => db.Jobs.CountAsync(j => j.State != JobState.Succeeded && j.State != JobState.Failed)) == 0,
                Patience, Output);
            Assert.Equal(0, await first.TerminateAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, await second.TerminateAsync(TimeSpan.FromSeconds(30)));
            // Runs leave nothing behind but unpacked calibrations, a cache of what the store holds.
            var leftByWorkers = Directory.GetFiles(firstFolder, "*", SearchOption.AllDirectories).Concat(Directory.GetFiles(secondFolder, "*", SearchOption.AllDirectories))
                .Where(f => Path.GetFileName(f) != "course.json" && !f.Contains("/grading/unpacked/", StringComparison.Ordinal)).ToList();
            Directory.Delete(firstFolder, recursive: true);
            Directory.Delete(secondFolder, recursive: true);

            var jobs = await course.QueryAsync(db => db.Jobs.ToListAsync());
            var submissions = await course.QueryAsync(db => db.Submissions.ToListAsync());
            Assert.True(jobs.Count == students.Length * 2 && jobs.All(j => j.State == JobState.Succeeded),
                $"{string.Join(", ", jobs.Select(j => $"{j.Owner}: {j.State} {j.LastError}"))}\n{Output()}");
            Assert.Empty(leftByWorkers);
            Assert.Contains("recorded", first.Output, StringComparison.Ordinal);
            Assert.Contains("recorded", second.Output, StringComparison.Ordinal);
            using var http = await ClientAsync(course, address, server);
            foreach (var submission in submissions)
            {
                var page = await http.GetAsync($"/submissions/{submission.Id}");
                var html = await page.Content.ReadAsStringAsync();
                Assert.True(page.StatusCode == HttpStatusCode.OK, $"{submission.Owner}@{submission.Commit}: {page.StatusCode}\n{server.Output}");
                Assert.Contains("/ 2</strong>", html, StringComparison.Ordinal);
                Assert.Contains($"/submissions/{submission.Id}/files/loss-curve.png", html, StringComparison.Ordinal);
                var curve = await http.GetAsync($"/submissions/{submission.Id}/files/loss-curve.png");
                Assert.Equal((HttpStatusCode.OK, "image/png"), (curve.StatusCode, curve.Content.Headers.ContentType?.MediaType));
                Assert.Equal(PngSignature, (await curve.Content.ReadAsByteArrayAsync())[..4]);
                var feedback = await http.GetStringAsync($"/api/submissions/{submission.Id}/feedback");
                Assert.Contains($"# {TestCourse.Assignment}", feedback, StringComparison.Ordinal);
                Assert.Contains("/ 2**", feedback, StringComparison.Ordinal);
            }

            Assert.Equal(students.Length, await course.QueryAsync(db => db.Results.CountAsync(r => r.Score == 2)));
            Assert.Equal(["course.json"], Directory.GetFiles(serverFolder, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
            Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>A run that logs three training steps (so the feedback has a curve) and writes <paramref name="sum"/>.</summary>
    private static string RunScript(int sum) => $$"""
        printf '{"step": 1, "loss": 2.3, "accuracy": 0.1}\n{"step": 2, "loss": 1.1, "accuracy": 0.5}\n{"step": 3, "loss": 0.4, "accuracy": 0.8}\n' > /out/metrics.jsonl
        echo '{"sum": {{sum}}, "items": [1, 2, 3]}' > /out/result.json

        """;

    private static async Task IntakeAsync(TestCourse course, string repos)
    {
        Assert.Equal(0, (await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos)).Exit);
        Assert.Equal(0, (await course.RunAsync("grade", TestCourse.Assignment)).Exit);
    }

    /// <summary>A client of the server with a staff token, once the server answers.</summary>
    private static async Task<HttpClient> ClientAsync(TestCourse course, Uri address, GraderProcess server)
    {
        var (exit, token, error) = await course.RunAsync("users", "token", "prof");
        Assert.True(exit == 0, error);
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        await Eventually.WaitAsync(async () =>
        {
            try
            {
                return (await http.GetAsync("/api/me")).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException) when (!server.HasExited)
            {
                return false;
            }
        }, Patience, () => server.Output);
        return http;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
