using System.Diagnostics;
using Course.Core.Cli;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Storage;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Support;

/// <summary>
/// A course in its own temporary folder with its own SQLite database (or a given connection string):
/// course.json with one tests assignment on the busybox image, the roster, and helpers to run
/// commands and reach services. Deleted on dispose.
/// </summary>
internal sealed class TestCourse : IDisposable
{
    public const string Assignment = "hw1";

    public const string Competition = "hw2";

    public const string TeamWork = "hw3";

    /// <summary>A copy of <see cref="Assignment"/> that needs no GPU, in a course made with <c>cpuTwin</c>.</summary>
    public const string CpuTwin = "hw4";

    public const string CreditPolicy = "extra";

    public const string CompetitionSolution = "id,label,Usage\n1,a,Public\n2,b,Public\n3,a,Private\n4,b,Private\n";

    private TestCourse(string directory, string connectionString, FakeTimeProvider? clock)
    {
        Directory = directory;
        ConnectionString = connectionString;
        Clock = clock;
    }

    public string Directory { get; }

    public string CourseFile => Path.Combine(Directory, "course.json");

    public string ConnectionString { get; }

    /// <summary>The clock services get; null means the system clock.</summary>
    public FakeTimeProvider? Clock { get; }

    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>
    /// Creates the course; <paramref name="command"/> is the sandbox command of hw1. With
    /// <paramref name="competition"/>, the course also has <see cref="Competition"/>: accuracy on
    /// <see cref="CompetitionSolution"/> (ids 1-4, labels a/b), two uploads a day, teams of up to two, the same
    /// deadline, and <paramref name="target"/> as its target accuracy when given. With <paramref name="credits"/>, the
    /// course has the on-request credits policy <see cref="CreditPolicy"/> (aws 50, one code per student), open from
    /// <paramref name="creditsFrom"/> when given. With <paramref name="teamWork"/>, the course also has <see cref="TeamWork"/>:
    /// hw1's tests for teams of up to two. Each run of hw1 needs <paramref name="gpus"/> GPUs; with <paramref name="cpuTwin"/>
    /// the course also has <see cref="CpuTwin"/>, hw1 without GPUs. <paramref name="smoke"/> (a JSON object) and
    /// <paramref name="gpuBudget"/> are hw1's smoke section and GPU budget; <paramref name="image"/> is the image of hw1 and its twin.
    /// </summary>
    public static async Task<TestCourse> CreateAsync(FakeTimeProvider? clock = null, string? connectionString = null,
        string deadline = "2026-10-12T23:59", string command = "\"sh\", \"/submission/run.sh\"", string timeout = "30s",
        bool competition = false, double? target = null, bool credits = false, string? creditsFrom = null, bool teamWork = false,
        int gpus = 0, bool cpuTwin = false, string? smoke = null, string? gpuBudget = null, string image = "course-busybox",
        params string[] students)
    {
        string Tests(string id, string title, int weight, int runGpus) => $$"""
                {
                  "id": "{{id}}",
                  "title": "{{title}}",
                  "kind": "tests",
                  "release": "2026-10-01T09:00",
                  "deadline": "{{deadline}}",
                  "weight": {{weight}},
                  "latePolicy": { "penaltyPerDay": 0.25, "maxLateDays": 2, "graceHours": 0 },
                  "image": "{{image}}",
                  "command": [{{command}}],
                  "limits": { "cpus": 1, "memory": "64m", "timeout": "{{timeout}}", "pids": 64, "tmp": "16m", "gpus": {{runGpus}} },{{(id == Assignment && smoke is not null ? $"\n      \"smoke\": {smoke}," : "")}}{{(id == Assignment && gpuBudget is not null ? $"\n      \"gpuBudget\": \"{gpuBudget}\"," : "")}}
                  "tests": {
                    "checks": [
                      { "name": "sum", "output": "result.json", "points": 2, "tolerance": 0.001 }
                    ]
                  }
                }
            """;

        var directory = Path.Combine(Path.GetTempPath(), "course-grader-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var course = new TestCourse(directory, connectionString ?? $"Data Source={Path.Combine(directory, "course.db")}", clock);
        await File.WriteAllTextAsync(course.CourseFile, $$"""
            {
              "name": "Test course",
              "term": "test",
              "timeZone": "UTC",
              "staff": [{ "login": "prof", "role": "instructor", "name": "Prof", "email": "prof@example.edu" }],
              "github": { "organization": "test-org", "repositoryPattern": "{assignment}-{login}" },
              "assignments": [
            {{Tests(Assignment, "Shell homework", 100 - (competition ? 50 : 0) - (teamWork ? 25 : 0) - (cpuTwin ? 50 : 0), gpus)}}{{(competition ? CompetitionJson(deadline, target) : "")}}{{(teamWork ? TeamWorkJson(deadline) : "")}}{{(cpuTwin ? "," + Tests(CpuTwin, "Shell homework without GPU", 50, 0) : "")}}
              ]{{(credits ? CreditsJson(creditsFrom) : "")}}
            }
            """);
        if (competition)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "solution.csv"), CompetitionSolution);
        }

        foreach (var graded in cpuTwin ? new[] { Assignment, CpuTwin } : [Assignment])
        {
            var reference = Path.Combine(directory, ".calibration", graded, "reference", "out");
            System.IO.Directory.CreateDirectory(reference);
            await File.WriteAllTextAsync(Path.Combine(reference, "result.json"), """{ "sum": 42.0, "items": [1, 2, 3] }""");
        }

        var migrate = await course.RunAsync("db", "migrate");
        Assert.True(migrate.Exit == 0, $"db migrate: {migrate.Error}");
        await course.AddStudentsAsync(students);
        return course;
    }

    /// <summary>
    /// Short poll, lease and backoff for tests with real workers; two attempts, so an infrastructure problem
    /// (no Docker engine, image recipe failing) ends as a failed job with its error instead of a long wait.
    /// </summary>
    public void UseFastQueue(double leaseSeconds = 5)
    {
        Settings["Queue:PollSeconds"] = "0.2";
        Settings["Queue:LeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Queue:HeartbeatSeconds"] = (leaseSeconds / 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Queue:BackoffSeconds"] = "1";
        Settings["Queue:MaxAttempts"] = "3";
    }

    private static string CreditsJson(string? from) => $$"""
        ,
        "credits": {
          "redeemUrl": "https://console.aws.amazon.com/billing/home#/credits",
          "policies": [{ "name": "{{CreditPolicy}}", "kind": "onRequest", "provider": "aws", "value": 50, "allowance": 1{{(from is null ? "" : $", \"from\": \"{from}\"")}} }]
        }
        """;

    private static string TeamWorkJson(string deadline) => $$"""
        ,
        {
          "id": "{{TeamWork}}", "title": "Shell homework in teams", "kind": "tests",
          "release": "2026-10-01T09:00", "deadline": "{{deadline}}", "weight": 25, "teamSize": { "min": 1, "max": 2 },
          "image": "course-busybox", "command": ["sh", "/submission/run.sh"],
          "limits": { "cpus": 1, "memory": "64m", "timeout": "30s", "pids": 64, "tmp": "16m" },
          "tests": { "checks": [{ "name": "sum", "output": "result.json", "points": 2, "tolerance": 0.001 }] }
        }
        """;

    private static string CompetitionJson(string deadline, double? target) => $$"""
        ,
        {
          "id": "{{Competition}}", "title": "Competition", "kind": "competition",
          "release": "2026-10-01T09:00", "deadline": "{{deadline}}", "weight": 50, "teamSize": { "min": 1, "max": 2 },
          "image": "course-busybox", "command": ["sh", "/submission/run.sh"],
          "limits": { "cpus": 1, "memory": "64m", "timeout": "30s", "pids": 64, "tmp": "16m" },
          "competition": {
            "metric": "accuracy", "solution": "solution.csv", "idColumn": "id", "targetColumns": ["label"],
            "publicFraction": 0.5, "splitSeed": 1, "dailyLimit": 2, "finalSelections": 1{{(target is { } t ? FormattableString.Invariant($", \"target\": {t}") : "")}}
          }
        }
        """;

    /// <summary>The configuration a command in this course gets.</summary>
    public Dictionary<string, string?> Overrides()
    {
        var overrides = new Dictionary<string, string?>(Settings) { ["ConnectionStrings:Course"] = ConnectionString };
        return overrides;
    }

    /// <summary>Runs a <c>grader</c> command in-process; returns its exit code and output.</summary>
    public async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost(Configure, Overrides()) { Out = output, Error = error };
        var exit = await GraderCli.RunAsync([.. args, "--course", CourseFile], host);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The host this course's commands run in, with <paramref name="settings"/> over the course's (the web test bed's).</summary>
    public CliHost Host(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var overrides = Overrides();
        foreach (var (key, value) in settings)
        {
            overrides[key] = value;
        }

        return new CliHost(Configure, overrides);
    }

    /// <summary>The services a command in this course gets, with <paramref name="also"/>'s registrations added last.</summary>
    public ServiceProvider Services(Action<IServiceCollection>? also = null) => new CliHost((services, configuration) =>
    {
        Configure(services, configuration);
        also?.Invoke(services);
    }, Overrides()).BuildServices(CourseFile);

    /// <summary>Enrolls <paramref name="logins"/> with <c>grader roster import</c>; each GitHub login is gh-LOGIN.</summary>
    public async Task AddStudentsAsync(IEnumerable<string> logins)
    {
        var rows = logins.Select(login => $"{login},{login},{login}@example.edu,gh-{login}").ToList();
        if (rows.Count > 0)
        {
            await ImportAsync("roster", "roster.csv", ["login,name,email,github", .. rows]);
        }
    }

    /// <summary>Places <paramref name="members"/> in <paramref name="team"/> of <paramref name="assignment"/> with <c>grader teams import</c>.</summary>
    public Task AddTeamAsync(string assignment, string team, params string[] members) =>
        ImportAsync("teams", $"teams-{Guid.NewGuid():N}.csv", ["assignment,team,login", .. members.Select(m => $"{assignment},{team},{m}")]);

    /// <summary>
    /// Records a submission of <paramref name="owner"/> (a login, or with <paramref name="isTeam"/> a team's name) to
    /// <paramref name="assignment"/>, its job and a result whose stored feedback holds <paramref name="feedback"/>: received at
    /// <paramref name="receivedAt"/> (default the Unix epoch, long before any deadline), <paramref name="points"/> of 2 before any late penalty,
    /// from the files of the folder <paramref name="snapshot"/> when given; a second submission of the same owner needs its own
    /// <paramref name="commit"/>.
    /// </summary>
    public async Task<Guid> GradedSubmissionAsync(string owner, string feedback, string assignment = Assignment, bool isTeam = false,
        DateTimeOffset? receivedAt = null, double points = 2, string commit = "6113728f27ae82c7b1a177c8d03f9e96e0adf246", string? snapshot = null)
    {
        await using var services = Services();
        var store = services.GetRequiredService<IBlobStore>();
        var submission = new Submission
        {
            Id = Guid.NewGuid(),
            Assignment = assignment,
            Owner = owner,
            IsTeam = isTeam,
            Repository = $"{assignment}-{owner}",
            Commit = commit,
            Source = SubmissionSource.Local,
            ReceivedAt = receivedAt ?? DateTimeOffset.UnixEpoch,
            SnapshotKey = snapshot is null ? null : await store.PutFolderAsync(snapshot, CancellationToken.None),
        };
        var feedbackKey = await store.PutTextAsync(feedback, CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GraderDbContext>();
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        var (job, _) = await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync(submission, CancellationToken.None);
        db.Results.Add(new GradingResult
        {
            JobId = job.Id,
            SubmissionId = submission.Id,
            Assignment = submission.Assignment,
            Owner = owner,
            Commit = submission.Commit,
            Verdict = Verdict.Graded,
            RawScore = points,
            Score = points,
            MaxScore = 2,
            FeedbackKey = feedbackKey,
            RecordedAt = DateTimeOffset.UnixEpoch,
        });
        await db.SaveChangesAsync();
        return submission.Id;
    }

    /// <summary>Environment for a <c>grader</c> child process using this course's database and settings.</summary>
    public void ApplyTo(ProcessStartInfo start)
    {
        foreach (var (key, value) in Overrides())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A container may still be releasing a mount; the temp folder is cleaned by the OS later.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: leave it to the OS.
        }
    }

    private async Task ImportAsync(string command, string name, IEnumerable<string> lines)
    {
        var file = Path.Combine(Directory, name);
        await File.WriteAllLinesAsync(file, lines);
        var (exit, _, error) = await RunAsync(command, "import", file);
        Assert.True(exit == 0, $"{command} import: {error}");
    }

    private void Configure(IServiceCollection services, IConfiguration configuration)
    {
        GraderCli.AddModules(services, configuration);
        if (Clock is not null)
        {
            services.AddSingleton<TimeProvider>(Clock);
        }
    }

    /// <summary>The stored blob <paramref name="key"/> as text (assertions); fails when it is missing.</summary>
    public async Task<string> StoredTextAsync(string? key)
    {
        Assert.NotNull(key);
        await using var services = Services();
        var text = await services.GetRequiredService<IBlobStore>().ReadTextAsync(key, CancellationToken.None);
        Assert.True(text is not null, $"blob {key} is missing from the store");
        return text;
    }

    /// <summary>The stored blob <paramref name="key"/>'s bytes (assertions); fails when it is missing.</summary>
    public async Task<byte[]> StoredBytesAsync(string? key)
    {
        Assert.NotNull(key);
        await using var services = Services();
        await using var content = await services.GetRequiredService<IBlobStore>().OpenAsync(key, CancellationToken.None);
        Assert.True(content is not null, $"blob {key} is missing from the store");
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>Unpacks the stored folder <paramref name="key"/> into a fresh folder under the course's; returns that folder.</summary>
    public async Task<string> UnpackAsync(string? key)
    {
        Assert.NotNull(key);
        var target = Path.Combine(Directory, "unpacked-" + Guid.NewGuid().ToString("N"));
        await using var services = Services();
        await services.GetRequiredService<IBlobStore>().MaterializeAsync(key, target, CancellationToken.None);
        return target;
    }

    /// <summary>Stores <paramref name="folder"/> as one archive; returns its key.</summary>
    public async Task<string> StoreFolderAsync(string folder)
    {
        await using var services = Services();
        return await services.GetRequiredService<IBlobStore>().PutFolderAsync(folder, CancellationToken.None);
    }

    /// <summary>
    /// Stores <paramref name="assignment"/>'s calibration folder (<c>.calibration/&lt;assignment&gt;</c>) again, as
    /// <c>grader calibrate</c> does: what grading and rescoring compare with from then on.
    /// </summary>
    public async Task StoreCalibrationAsync(string assignment = Assignment)
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoredCalibrations>()
            .SaveAsync(assignment, Path.Combine(Directory, ".calibration", assignment), CancellationToken.None);
    }

    /// <summary>Removes <paramref name="assignment"/>'s stored calibration, as a course that never calibrated it.</summary>
    public Task<int> DropCalibrationAsync(string assignment = Assignment) =>
        QueryAsync(db => db.Calibrations.Where(c => c.Assignment == assignment).ExecuteDeleteAsync());

    /// <summary>Reads the grader tables directly (assertions).</summary>
    public async Task<T> QueryAsync<T>(Func<GraderDbContext, Task<T>> query)
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<GraderDbContext>());
    }

    public Task<int> CountAsync<TEntity>() where TEntity : class =>
        QueryAsync(db => db.Set<TEntity>().CountAsync());
}
