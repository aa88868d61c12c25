using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

/// <summary>Set-up and process helpers of the rush benchmark.</summary>
internal static class Rush
{
    public static string WriteCourse(string root, int students)
    {
        var course = Path.Combine(root, "course.json");
        File.WriteAllText(course, """
            {
              "name": "Rush", "term": "bench", "timeZone": "UTC",
              "staff": [{ "login": "prof", "role": "instructor", "name": "Prof", "email": "prof@example.edu" }],
              "github": { "organization": "bench", "repositoryPattern": "{assignment}-{login}" },
              "roster": "roster.csv",
              "assignments": [{
                "id": "hw1", "title": "Rush", "kind": "tests", "release": "2026-01-01T00:00", "deadline": "2099-01-01T00:00",
                "weight": 100, "image": "course-busybox", "command": ["sh", "/submission/run.sh"],
                "limits": { "cpus": 1, "memory": "64m", "timeout": "30s", "pids": 64, "tmp": "16m" },
                "tests": { "checks": [{ "name": "sum", "output": "result.json", "points": 2, "tolerance": 0.001 }] }
              }]
            }
            """);
        File.WriteAllLines(Path.Combine(root, "roster.csv"),
            ["login,name,email", .. Enumerable.Range(0, students).Select(i => $"{Student(i)},Student {i},{Student(i)}@example.edu")]);
        var reference = Path.Combine(root, ".calibration", "hw1", "reference", "out");
        Directory.CreateDirectory(reference);
        File.WriteAllText(Path.Combine(reference, "result.json"), """{"sum": 42, "items": [1, 2, 3]}""");
        return course;
    }

    /// <summary>
    /// One bare repository per student, in student order, in one folder the intake takes them from. They are copies of one
    /// repository: the same commit in different students' repositories is a different submission.
    /// </summary>
    public static List<string> CreateRepositories(string root, int students, string script)
    {
        var work = Path.Combine(root, "work");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "run.sh"), script);
        Git(work, "init", "-q", "-b", "main");
        Git(work, "add", "-A");
        Git(work, "commit", "-q", "-m", "homework");
        var template = Path.Combine(root, "template.git");
        Git(root, "clone", "-q", "--bare", work, template);
        var repositories = Enumerable.Range(0, students).Select(i => Path.Combine(root, "repos", $"hw1-{Student(i)}.git")).ToList();
        foreach (var repository in repositories)
        {
            Copy(template, repository);
        }

        return repositories;
    }

    public static string Student(int index) => $"s{index:D4}";

    /// <summary>Waits until <paramref name="count"/> jobs are finished; a stalled pipeline or a worker that ended throws.</summary>
    public static Task UntilGradedAsync(string connectionString, int count, Process worker) =>
        UntilAsync(connectionString, "SELECT count(*) FROM grader_jobs WHERE \"State\" IN ('Succeeded', 'Failed')", count, "graded", worker);

    /// <summary>Waits until <paramref name="count"/> jobs are queued (or further along).</summary>
    public static Task UntilQueuedAsync(string connectionString, int count, Process worker) =>
        UntilAsync(connectionString, "SELECT count(*) FROM grader_jobs", count, "queued", worker);

    private static async Task UntilAsync(string connectionString, string countSql, int count, string what, Process worker)
    {
        var (done, limit) = (0L, Stopwatch.StartNew());
        while ((done = Scalar(connectionString, countSql)) < count)
        {
            if (limit.Elapsed > TimeSpan.FromMinutes(15) || worker.HasExited)
            {
                throw new InvalidOperationException($"pipeline stalled at {done}/{count} {what}");
            }

            await Task.Delay(250);
        }
    }

    public static long Scalar(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    private static void Copy(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }

    private static void Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true };
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Student";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "student@example.edu";
        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}");
        }
    }
}
