using System.Globalization;
using Course.Assignments;
using Course.Assignments.Roster;
using Course.Assignments.Teams;
using Course.Core.Cli;
using Course.Core.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Credits.Tests.Support;

/// <summary>
/// A course in its own temporary folder (course.json, course.db, key file, outbox) with a roster,
/// a competition hw2 with prizes for ranks 1 and 2, a project with teams, and credit policies.
/// </summary>
internal sealed class TestCourse : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings = new();
    private ServiceProvider? _services;

    private TestCourse(string folder) => Folder = folder;

    public string Folder { get; }

    public string CourseFile => Path.Combine(Folder, "course.json");

    public string DatabaseFile => Path.Combine(Folder, "course.db");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Configuration the services and harness processes see (Smtp:*, Credits:*).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    public IServiceProvider Services => _services ??= BuildHost().BuildServices(CourseFile);

    public static async Task<TestCourse> CreateAsync(int students = 6, string? credits = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "credits-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var course = new TestCourse(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "solution.csv"), "id,label\n1,0\n");
        await File.WriteAllTextAsync(course.CourseFile, CourseJson(credits ?? DefaultCredits));
        await course.MigrateAsync();
        await course.AddStudentsAsync(Enumerable.Range(1, students).Select(i => $"s{i:00}"));
        return course;
    }

    public const string DefaultCredits = """
        {
          "budgetPerStudent": 100,
          "reminderThresholds": [0.5, 0.8, 1.0],
          "expiryWarningDays": 14,
          "redeemUrl": "https://console.aws.amazon.com/billing/home#/credits",
          "warnings": ["Stop your instances when you are not using them."],
          "policies": [
            { "name": "welcome", "kind": "perStudent", "provider": "aws", "value": 50, "from": "2026-10-05" },
            { "name": "project", "kind": "perTeamMember", "provider": "aws", "value": 100, "assignment": "project" },
            { "name": "extra", "kind": "onRequest", "provider": "aws", "value": 50, "allowance": 2 },
            { "name": "later", "kind": "perStudent", "provider": "aws", "value": 50, "from": "2027-01-01" }
          ]
        }
        """;

    public TestCourse With(string key, string? value)
    {
        _settings[key] = value;
        _services = null;
        return this;
    }

    public CliHost BuildHost(TextWriter? output = null, TextWriter? error = null) =>
        new((services, configuration) =>
        {
            services.AddAssignments(configuration).AddCredits(configuration);
            services.AddSingleton<TimeProvider>(Clock);
        }, _settings)
        {
            Out = output ?? TextWriter.Null,
            Error = error ?? TextWriter.Null,
        };

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Enrolls <paramref name="logins"/> through the roster's import (roster.csv).</summary>
    public async Task AddStudentsAsync(IEnumerable<string> logins)
    {
        var file = WriteLines($"roster-{Guid.NewGuid():N}.csv",
            ["login,name,email,github", .. logins.Select(l => $"{l},{l.ToUpperInvariant()},{l}@students.example.edu,gh-{l}")]);
        await InScopeAsync(services => services.GetRequiredService<IRosterImport>().ImportAsync(file, CancellationToken.None));
    }

    /// <summary>A team of <paramref name="assignment"/>, through the teams import (teams.csv).</summary>
    public async Task AddTeamAsync(string assignment, string team, params string[] members)
    {
        var file = WriteLines($"teams-{Guid.NewGuid():N}.csv", ["assignment,team,login", .. members.Select(m => $"{assignment},{team},{m}")]);
        await InScopeAsync(services => services.GetRequiredService<ITeams>().ImportAsync(file, CancellationToken.None));
    }

    /// <summary>Writes a codes CSV of <paramref name="count"/> fresh random codes and returns its path and codes.</summary>
    public (string File, IReadOnlyList<string> Codes) WriteCodes(int count, string name = "codes.csv")
    {
        var codes = Enumerable.Range(0, count).Select(_ => "PC-" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant()).ToList();
        var file = Path.Combine(Folder, name);
        File.WriteAllText(file, "code\n" + string.Join("\n", codes) + "\n");
        return (file, codes);
    }

    private string WriteLines(string name, IEnumerable<string> lines)
    {
        var file = Path.Combine(Folder, name);
        File.WriteAllLines(file, lines);
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A harness process may still hold a file for a moment; the folder is unique and under the temp dir.
        }
    }

    private async Task MigrateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        foreach (var database in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(CancellationToken.None);
        }
    }

    private static string CourseJson(string credits) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "name": "Credits test course",
          "timeZone": "UTC",
          "staff": [{ "login": "prof", "role": "instructor", "name": "Prof", "email": "prof@staff.example.edu" }],
          "assignments": [
            {
              "id": "hw2", "title": "Competition", "kind": "competition",
              "release": "2026-10-01T09:00", "deadline": "2026-10-20T23:59", "weight": 50,
              "image": "test-image", "command": ["sh", "/submission/run.sh"], "teamSize": { "min": 1, "max": 3 },
              "competition": {
                "metric": "accuracy", "solution": "solution.csv",
                "prizes": [ { "rank": 1, "provider": "aws", "value": 500 }, { "rank": 2, "provider": "aws", "value": 300 } ]
              }
            },
            {
              "id": "project", "title": "Project", "kind": "project",
              "release": "2026-10-01T09:00", "deadline": "2027-01-31T23:59", "weight": 50, "teamSize": { "min": 2, "max": 4 },
              "project": { "milestones": [ { "id": "final", "title": "Final", "weight": 100, "due": "2027-01-31T23:59" } ] },
              "rubric": [ { "id": "results", "description": "Results", "points": 10 } ]
            }
          ],
          "credits": {{credits}}
        }
        """);
}
