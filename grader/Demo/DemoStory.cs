using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Core.Cli;
using Course.Core.Errors;

namespace Course.Grader.Demo;

/// <summary>
/// The demo course told through the command line, each step a <c>grader</c> command run in this
/// process on a rehearsal clock set to the moment the step happens in the course's calendar.
/// </summary>
internal sealed class DemoStory(CommandContext context, ICourseProvider course, string output)
{
    private readonly string _courseFile = context.Course.CourseFile;

    public async Task RunAsync()
    {
        var students = course.Resolve("demo/students");
        var repositories = Path.Combine(output, "repos");
        Directory.CreateDirectory(repositories);

        await StepAsync("Calibrate every graded homework before release", "2026-10-01T09:00:00+02:00",
            ["calibrate", "hw1"], ["calibrate", "midterm"], ["calibrate", "hw2"]);

        foreach (var (login, assignment) in Submissions(students).Where(s => s.Login != "dee-late"))
        {
            await DemoRepositories.CreateAsync(students, repositories, login, assignment, context.Cancellation);
        }

        await StepAsync("hw1: students push before the deadline; intake records when each push arrived", "2026-10-12T18:00:00+02:00",
            ["fetch", "hw1", "--source", "local", "--repos", repositories]);
        await DemoRepositories.CreateAsync(students, repositories, "dee-late", "hw1", context.Cancellation);
        await StepAsync("hw1: dee-late pushes a day and a half after the deadline", "2026-10-14T09:00:00+02:00",
            ["fetch", "hw1", "--source", "local", "--repos", repositories]);
        await StepAsync("hw1: grade every submission in the sandbox (fork bomb and symlinks included)", "2026-10-14T09:05:00+02:00",
            ["grade", "hw1", "--wait", "--concurrency", "2"]);
        await StepAsync("midterm: the debug assignment, hidden checks per planted bug", "2026-11-04T20:00:00+01:00",
            ["fetch", "midterm", "--source", "local", "--repos", repositories], ["grade", "midterm", "--wait", "--concurrency", "2"]);
        await StepAsync("Every grading job", "2026-11-04T20:30:00+01:00", ["jobs"]);

        await CompetitionAsync(repositories);
        await CreditsAsync();
        await StepAsync("The grade book TAs review", "2027-02-01T09:00:00+01:00",
            ["grades", "set", "essay", "--student", "ana-strong", "--item", "claim", "--points", "4", "--by", "ta-bob"],
            ["grades", "set", "essay", "--student", "ana-strong", "--item", "evidence", "--points", "3", "--by", "ta-bob"],
            ["grades", "set", "essay", "--student", "ana-strong", "--item", "clarity", "--points", "2", "--by", "ta-bob"],
            ["grades", "override", "hw1", "--student", "gus-baseline", "--score", "0.5", "--reason", "excused: sandbox image changed during the week", "--by", "prof-ada"],
            ["grades", "show"], ["grades", "export", "--format", "canvas", "--output", Path.Combine(output, "grades-canvas.csv")]);
    }

    private async Task CompetitionAsync(string repositories)
    {
        var reference = course.Resolve(Path.Combine(".calibration", "hw2", "reference", "out", "predictions.csv"));
        if (!File.Exists(reference))
        {
            throw new WorkFailedException($"hw2: calibration left no reference predictions at {reference}");
        }

        await StepAsync("hw2: two PyTorch entries train on the course-python image their .course-image asks for; two C# projects "
            + "are built offline in the sandbox on course-dotnet (one has a compile error)",
            "2026-10-19T20:00:00+02:00",
            ["fetch", "hw2", "--source", "local", "--repos", repositories], ["grade", "hw2", "--wait", "--concurrency", "2"]);
        var uploads = Path.Combine(output, "uploads");
        var teams = new (string Team, double Noise)[]
        {
            ("ana-strong", 0.02), ("ben-median", 0.2), ("ivy-solo", 0.1), ("gus-baseline", 0.9),
        };
        for (var day = 0; day < 2; day++)
        {
            var at = day == 0 ? "2026-10-20T12:00:00+02:00" : "2026-10-24T15:00:00+02:00";
            foreach (var (team, noise) in teams)
            {
                var file = DemoUploads.Write(reference, uploads, team, noise * (day == 0 ? 1.5 : 1), seed: team.Length * 7 + day);
                await StepAsync($"hw2: {team} uploads predictions", at, ["leaderboard", "submit", "hw2", "--team", team, "--file", file]);
            }
        }

        await StepAsync("hw2: the public board while the competition runs", "2026-10-25T10:00:00+01:00", ["leaderboard", "show", "hw2"]);
        await StepAsync("hw2: the competition closes; the private board decides", "2026-10-27T09:00:00+01:00",
            ["leaderboard", "finalize", "hw2"], ["leaderboard", "show", "hw2", "--private"]);
    }

    private async Task CreditsAsync()
    {
        var welcome = DemoUploads.Codes(Path.Combine(output, "codes-50"), count: 12, seed: 50);
        var prizes = DemoUploads.Codes(Path.Combine(output, "codes-500"), count: 3, seed: 500);
        await StepAsync("Credits: import voucher codes, issue by policy and as prizes, e-mail them", "2026-10-27T10:00:00+01:00",
            ["credits", "import", welcome, "--provider", "aws", "--value", "50", "--expires", "2027-06-30"],
            ["credits", "import", prizes, "--provider", "aws", "--value", "500", "--expires", "2027-06-30"],
            ["credits", "issue", "--policy", "welcome"],
            ["credits", "issue", "--prizes", "hw2"],
            ["credits", "send"],
            ["credits", "status"]);
        await StepAsync("Credits: ben-median asks for the extra code the 'extra' policy allows (as the /credits page does), twice",
            "2026-11-02T11:00:00+01:00",
            ["credits", "request", "--student", "ben-median", "--policy", "extra"],
            ["credits", "request", "--student", "ben-median", "--policy", "extra"],
            ["credits", "send"]);
    }

    private async Task StepAsync(string title, string now, params string[][] commands)
    {
        await context.Out.WriteLineAsync();
        await context.Out.WriteLineAsync($"== {title}  [course clock {now}]");
        var host = new CliHost(GraderCli.AddModules, new Dictionary<string, string?> { ["Clock:Now"] = now })
        {
            Out = context.Out,
            Error = context.Out,
        };
        foreach (var command in commands)
        {
            await context.Out.WriteLineAsync($"$ grader {string.Join(' ', command.Select(Quote))}");
            var exit = await GraderCli.RunAsync([.. command, "--course", _courseFile], host);
            if (exit != 0)
            {
                throw new WorkFailedException($"demo step '{title}': grader {command[0]} {command.ElementAtOrDefault(1)} exited with {exit}");
            }
        }
    }

    private IEnumerable<(string Login, string Assignment)> Submissions(string students) =>
        Directory.EnumerateDirectories(students).Order(StringComparer.Ordinal)
            .SelectMany(student => Directory.EnumerateDirectories(student)
                .Select(folder => (Path.GetFileName(student), Path.GetFileName(folder))))
            .Where(s => course.Course.FindAssignment(s.Item2) is { Kind: AssignmentKind.Tests or AssignmentKind.Debug or AssignmentKind.Competition });

    private string Quote(string argument) =>
        argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument.Replace(output, "demo-output", StringComparison.Ordinal);
}
