using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Grader.Grades;
using Course.Grader.Grades.Regrades;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Course.Grader.Tests.Grades;

/// <summary>
/// One term of the grade book from start to final grades, on a fake clock, with real SQLite and a real SMTP server, driven
/// through the staff's commands. hw1 and hw4 are pushed to real git repositories, fetched when pushed and graded in the
/// busybox sandbox (Docker); the team work and the project are recorded as graded submissions. The course is the demo course's shape in
/// New York time: hw1 (weight 20, graded in the sandbox), hw3 (20, teams, no late work), hw4 (30, 25% a day, cut-off after
/// 2 days), the team project proj (30), a pool of 2 late days spent by every member of a team. The final grade is
/// homework 60% (hw1, hw3, hw4 weighing 1, 1, 2 in it, lowest dropped) and project 40%; A from 90, B 80, C 70, D 60, F 0.
/// Every expected number below is worked out by hand in the comments.
/// </summary>
public sealed class SimulatedTermTests
{
    private const string FinalGrade = """
        { "categories": [
            { "name": "homework", "weight": 60, "dropLowest": 1, "assignments": ["hw1", "hw3", "hw4"],
              "weights": { "hw1": 1, "hw3": 1, "hw4": 2 } },
            { "name": "project", "weight": 40, "assignments": ["proj"] } ],
          "letters": [{ "letter": "A", "min": 90 }, { "letter": "B", "min": 80 }, { "letter": "C", "min": 70 },
                      { "letter": "D", "min": 60 }, { "letter": "F", "min": 0 }] }
        """;

    private const string Project = """
        {
          "id": "proj", "title": "Team project", "kind": "project", "release": "2026-10-01T09:00",
          "deadline": "2026-12-11T23:59", "weight": 30, "teamSize": { "min": 1, "max": 3 },
          "project": {
            "contributionCap": 1.25,
            "milestones": [
              { "id": "topic", "title": "Topic", "weight": 10, "due": "2026-11-13T23:59" },
              { "id": "report", "title": "Report", "weight": 30, "due": "2026-11-27T23:59" },
              { "id": "final", "title": "Final", "weight": 60, "due": "2026-12-11T23:59" }
            ]
          }
        }
        """;

    private static readonly string[] Roster = ["ana", "ben", "cy", "dee"];

    // Times in New York: EDT is UTC-4 until 2026-11-01 02:00, EST (UTC-5) after.
    private static DateTimeOffset Edt(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(-4));

    private static DateTimeOffset Est(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(-5));

    [Fact(Timeout = 300_000)]
    public async Task Term_LateDaysExtensionRegradeProjectRescore_FinalGradesExportsAndMailAsComputedByHand()
    {
        var clock = new FakeTimeProvider(Edt(10, 20, 12));
        using var course = await CourseAsync(clock);
        await using var smtp = await NoticeSmtp.StartAsync(course);

        // hw1, due 2026-10-20 23:59 EDT: everyone pushes at noon to their git repository, fetched and graded in the real
        // sandbox against the reference sum 42. Only cy's 42 matches: 2/2 for cy, 0/2 for the others.
        var repos = Directory.CreateDirectory(Path.Combine(course.Directory, "repos")).FullName;
        foreach (var (login, sum) in new[] { ("ana", "43"), ("ben", "43"), ("cy", "42"), ("dee", "44") })
        {
            GitRepos.CreateBare(repos, $"hw1-{login}", new Dictionary<string, string> { ["run.sh"] = SnapshotSubmissions.Writing(sum) });
        }

        await PushedAndGradedAsync(course, "hw1", repos);
        Assert.Equal([0.0, 0.0, 1.0, 0.0], GradeBookCourse.Column(await GradeBookCourse.ComputeAsync(course), "hw1"));

        // hw4 is due 2026-10-31 23:59 EDT. cy pushes early; on 30 October at noon (35 h 59 min before) the mail round
        // reminds the three who have nothing in (hw1's deadline is past, hw3's and proj's are more than 48 h away).
        clock.SetUtcNow(Edt(10, 29, 12));
        await PushAsync(course, repos, "hw4", "cy");
        clock.SetUtcNow(Edt(10, 30, 12));
        await NoticeSmtp.SendTwiceAsync(course);

        // Late pushes across the end of daylight saving time (1 November, 02:00 EDT -> 01:00 EST), each fetched when pushed.
        // ana: 1 November 23:30 EST, 24 h 31 min after the deadline but on the next calendar day: 1 day late (a 25-hour
        // day), covered by 1 of her 2 late days: 2/2 -> 1.
        clock.SetUtcNow(Est(11, 1, 23, 30));
        await PushAsync(course, repos, "hw4", "ana");
        // ben: 3 November 00:30 EST: 3 days late (the deadlines moved by a day are 1 Nov 23:59 EST, 2 Nov 23:59, 3 Nov 23:59):
        // 2 from the pool, 1 at 25%: 2/2 x 0.75 = 0.75 of hw4.
        clock.SetUtcNow(Est(11, 3, 0, 30));
        await PushAsync(course, repos, "hw4", "ben");
        clock.SetUtcNow(Est(11, 5, 12));
        await GradeBookCourse.RunAsync(course, "grade", "hw4", "--wait", "--json");

        // hw3 (teams; no late work) is due 6 November 23:59 EST. duo (ana, cy) is on time with 1/2 -> 0.5. pair (ben, dee)
        // is 1 day late: the team may use as many days as its member with the fewest left has; ben spent both on hw4, so
        // the day is not covered and hw3 scores 0 for both.
        clock.SetUtcNow(Est(11, 8, 12));
        await course.GradedSubmissionAsync("duo", "half", "hw3", isTeam: true, receivedAt: Est(11, 6, 20), points: 1);
        await course.GradedSubmissionAsync("pair", "late", "hw3", isTeam: true, receivedAt: Est(11, 7, 12));
        var beforeExtension = await GradeBookCourse.ComputeAsync(course);
        Assert.Equal([1.0, 0.75, 1.0, null], GradeBookCourse.Column(beforeExtension, "hw4"));
        Assert.Equal([0.5, 0.0, 0.5, 0.0], GradeBookCourse.Column(beforeExtension, "hw3"));
        Assert.Equal((1, 1), (beforeExtension[0].Assignments["hw4"].Late!.DaysLate, beforeExtension[0].Assignments["hw4"].Late!.DaysUsed));

        // Afterwards ben gets an extension of hw4 to 3 November 23:59: his push is on time (1.0) and spends no day, so
        // pair's day late on hw3 is covered by a day of each member (ben 2 left, dee 2): hw3 1.0 for ben and dee.
        clock.SetUtcNow(Est(11, 9, 10));
        await GradeBookCourse.RunAsync(course, "grades", "extend", "hw4", "--student", "ben", "--until", "2026-11-03T23:59",
            "--reason", "family emergency", "--by", "prof");
        var afterExtension = await GradeBookCourse.ComputeAsync(course);
        Assert.Equal([1.0, 1.0, 1.0, null], GradeBookCourse.Column(afterExtension, "hw4"));
        Assert.Equal([0.5, 1.0, 0.5, 1.0], GradeBookCourse.Column(afterExtension, "hw3"));
        Assert.Equal(
            [("hw3", "ben", 0.0, 1.0), ("hw3", "dee", 0.0, 1.0), ("hw4", "ben", 0.75, 1.0)],
            (await HistoryAsync(course)).Where(c => c.Kind == "extension")
            .Select(c => (c.Assignment, c.Login, c.Old!.Value, c.New!.Value)).OrderBy(c => c.Assignment + c.Login, StringComparer.Ordinal));

        // cy asks for a regrade of hw3's sum check; prof replies, then resolves it with 0.9 for the team (ana and cy).
        clock.SetUtcNow(Est(11, 10, 9));
        var regrade = await AskAsync(course, "cy", "hw3", "sum", "My sum is right; the check's tolerance is too tight.");
        await GradeBookCourse.RunAsync(course, "regrades", "reply", regrade, "--by", "prof", "--message", "Checking the tolerance.");
        clock.SetUtcNow(Est(11, 11, 9));
        await GradeBookCourse.RunAsync(course, "regrades", "resolve", regrade[..8], "--by", "prof", "--score", "0.9", "--reason", "tolerance too tight");
        Assert.Equal([0.9, 1.0, 0.9, 1.0], GradeBookCourse.Column(await GradeBookCourse.ComputeAsync(course), "hw3"));

        // The project: trio (ana, ben, cy) has topic 100, report 80, final 70: team = (10 x 1 + 30 x 0.8 + 60 x 0.7) / 100
        // = 0.76; uno (dee) has 100, 100, 90: (10 + 30 + 54) / 100 = 0.94. trio's CONTRIBUTIONS: ana 50, ben 30, cy 20:
        // share x 3 members = 1.5 (capped 1.25), 0.9, 0.6; x 0.76 = 0.95, 0.684, 0.456. dee alone gets the team's 0.94.
        clock.SetUtcNow(Est(12, 12, 9));
        var snapshot = Directory.CreateDirectory(Path.Combine(course.Directory, "proj-trio")).FullName;
        await File.WriteAllTextAsync(Path.Combine(snapshot, "CONTRIBUTIONS"), "# who did what\nana: 50%\nben: 30%\ncy: 20%\n");
        await course.GradedSubmissionAsync("trio", "report", "proj", isTeam: true, receivedAt: Est(12, 11, 20), snapshot: snapshot);
        await course.GradedSubmissionAsync("uno", "report", "proj", isTeam: true, receivedAt: Est(12, 11, 21));
        foreach (var (login, milestone, points) in new[]
                 {
                     ("ana", "topic", "100"), ("ben", "report", "80"), ("cy", "final", "70"),
                     ("dee", "topic", "100"), ("dee", "report", "100"), ("dee", "final", "90"),
                 })
        {
            await GradeBookCourse.RunAsync(course, "grades", "set", "proj", "--student", login, "--item", milestone, "--points", points, "--by", "prof");
        }

        await GradeBookCourse.RunAsync(course, "grades", "contributions", "proj", "--team", "trio", "--by", "prof");

        // hw1's reference output was wrong: the sum is 43. The draft lists the three scores that change; publishing moves them.
        clock.SetUtcNow(Est(12, 14, 9));
        await File.WriteAllTextAsync(Path.Combine(course.Directory, ".calibration", "hw1", "reference", "out", "result.json"),
            """{ "sum": 43.0, "items": [1, 2, 3] }""");
        await course.StoreCalibrationAsync();
        var draft = JsonDocument.Parse(await GradeBookCourse.RunAsync(course, "grades", "rescore", "hw1", "--json")).RootElement;
        Assert.Equal(
            [("ana", 0.0, 2.0), ("ben", 0.0, 2.0), ("cy", 2.0, 0.0)],
            draft.EnumerateArray().Select(l => (l.GetProperty("owner").GetString()!, l.GetProperty("oldScore").GetDouble(), l.GetProperty("newScore").GetDouble())));
        Assert.All(draft.EnumerateArray(), l => Assert.Equal("reference output result.json changed", l.GetProperty("why").GetString()));
        Assert.Contains("hw1: 3 score(s) published", await GradeBookCourse.RunAsync(course, "grades", "rescore", "hw1", "--publish", "--by", "prof"),
            StringComparison.Ordinal);
        // The feedback a student reads says the published score.
        var anaFeedback = await course.QueryAsync(db => db.Results.AsNoTracking().SingleAsync(r => r.Assignment == "hw1" && r.Owner == "ana"));
        Assert.Contains("- Score: **2 / 2**", await course.StoredTextAsync(anaFeedback.FeedbackKey), StringComparison.Ordinal);

        // Grades of hw1 released (twice), and the mail round run twice.
        await GradeBookCourse.RunAsync(course, "grades", "release", "hw1", "--by", "prof");
        await GradeBookCourse.RunAsync(course, "grades", "release", "hw1", "--by", "prof");
        await NoticeSmtp.SendTwiceAsync(course);

        // The grade book by hand (fractions):   hw1    hw3   hw4    proj
        //   ana                                 1      0.9   1      0.95
        //   ben                                 1      1     1      0.684
        //   cy                                  0      0.9   1      0.456
        //   dee                                 0      1     none   0.94
        var rows = await GradeBookCourse.ComputeAsync(course);
        var byHand = new Dictionary<string, double?[]>
        {
            ["ana"] = [1, 0.9, 1, 0.95],
            ["ben"] = [1, 1, 1, 0.684],
            ["cy"] = [0, 0.9, 1, 0.456],
            ["dee"] = [0, 1, null, 0.94],
        };
        string[] assignments = ["hw1", "hw3", "hw4", "proj"];
        var weights = new Dictionary<string, double> { ["hw1"] = 20, ["hw3"] = 20, ["hw4"] = 30, ["proj"] = 30 };
        foreach (var row in rows)
        {
            for (var a = 0; a < assignments.Length; a++)
            {
                Close(byHand[row.Login][a], row.Assignments[assignments[a]].Fraction);
            }
        }

        // Totals (assignment weights): ana 20 + 18 + 30 + 28.5 = 96.5; ben 20 + 20 + 30 + 20.52 = 90.52;
        // cy 0 + 18 + 30 + 13.68 = 61.68; dee 0 + 20 + 0 + 28.2 = 48.2.
        Assert.Equal([96.5, 90.52, 61.68, 48.2], rows.Select(r => Math.Round(r.Total, 9)));

        // Final grades, homework 60 (lowest of hw1, hw3, hw4 dropped, on a tie the later-listed; the kept ones weighted 1, 1, 2)
        // + project 40:
        //   ana: hw3 0.9 dropped, (1 x 1 + 2 x 1) / 3 = 1 -> 60; 40 x 0.95 = 38; 98 -> A
        //   ben: all 1, hw4 dropped, (1 x 1 + 1 x 1) / 2 = 1 -> 60; 40 x 0.684 = 27.36; 87.36 -> B
        //   cy:  hw1 0 dropped, (1 x 0.9 + 2 x 1) / 3 = 2.9 / 3 = 0.966667 -> 58; 40 x 0.456 = 18.24; 76.24 -> C
        //   dee: hw1 0 and hw4 0 tie, hw4 dropped, (1 x 0 + 1 x 1) / 2 = 0.5 -> 30; 40 x 0.94 = 37.6; 67.6 -> D
        var finals = JsonDocument.Parse(await GradeBookCourse.RunAsync(course, "grades", "final", "--json")).RootElement;
        Assert.Equal(
            [("ana", 98.0, "A"), ("ben", 87.36, "B"), ("cy", 76.24, "C"), ("dee", 67.6, "D")],
            finals.EnumerateArray().Select(f => (f.GetProperty("login").GetString()!, Math.Round(f.GetProperty("percent").GetDouble(), 9),
                f.GetProperty("letter").GetString()!)));
        Assert.Equal($"""
            cy (cy): C
              homework (weight 60%, lowest 1 dropped):
                hw1: 0% dropped
                hw3: 90% (override: regrade {regrade} (sum): tolerance too tight)
                hw4: 100%
                weighted mean of 2 kept = (1 x 90 + 2 x 100) / 3 = 96.666667% -> 60 x 0.966667 = 58 points
              project (weight 40%):
                proj: 45.6%
                mean of 1 kept = (45.6) / 1 = 45.6% -> 40 x 0.456 = 18.24 points
              final: 58 + 18.24 = 76.24%
              letter: C (76.24 >= 70)

            """.ReplaceLineEndings("\n"), await GradeBookCourse.RunAsync(course, "grades", "final", "cy"));

        await ExportsReadBackExactlyAsync(course, rows, assignments, weights);
        MailOnceEach(smtp.Messages());
    }

    /// <summary>The CSV and Canvas exports, parsed back, hold exactly the grade book's numbers, and every enrolled student.</summary>
    private static async Task ExportsReadBackExactlyAsync(TestCourse course, IReadOnlyList<GradebookRow> rows, string[] assignments,
        Dictionary<string, double> weights)
    {
        foreach (var format in new[] { "csv", "canvas" })
        {
            var file = Path.Combine(course.Directory, $"term.{format}.csv");
            await GradeBookCourse.RunAsync(course, "grades", "export", "--format", format, "--output", file);
            var lines = (await File.ReadAllLinesAsync(file)).Select(l => l.Split(',')).ToList();
            var header = lines[0];
            var canvas = format == "canvas";
            var body = lines.Skip(canvas ? 2 : 1).ToList();
            Assert.Equal(Roster, body.Select(cells => cells[canvas ? 2 : 0]));
            for (var r = 0; r < rows.Count; r++)
            {
                foreach (var id in assignments)
                {
                    var column = Array.FindIndex(header, h => canvas ? h.EndsWith($"({id})", StringComparison.Ordinal) : h == id);
                    var cell = body[r][column];
                    var expected = rows[r].Assignments[id].Fraction * (canvas ? weights[id] : 100);
                    Assert.Equal(expected, cell.Length == 0 ? null : double.Parse(cell, CultureInfo.InvariantCulture));
                }

                Assert.Equal(rows[r].Total, double.Parse(body[r][^1], CultureInfo.InvariantCulture));
            }

            if (canvas)
            {
                // Points possible are the assignment weights.
                Assert.Equal(["20", "20", "30", "30", "100"], lines[1][^5..]);
            }
        }
    }

    /// <summary>
    /// Every notice once: the hw4 reminder to ana, ben and dee; the regrade's reply and resolution to duo (ana, cy);
    /// the release of hw1 to all four with their published score.
    /// </summary>
    private static void MailOnceEach(IReadOnlyList<MimeMessage> messages)
    {
        var reminders = messages.Where(m => m.Subject == "[Test course] hw4 is due 2026-10-31 23:59").ToList();
        Assert.Equal(["ana@example.edu", "ben@example.edu", "dee@example.edu"], NoticeSmtp.Recipients(reminders));
        Assert.All(reminders, m => Assert.Contains("is due on 2026-10-31 23:59 (America/New_York)", m.TextBody, StringComparison.Ordinal));
        var answers = messages.Where(m => m.Subject == "[Test course] Your regrade request on hw3 (sum) was answered").ToList();
        Assert.Equal(["ana@example.edu", "ana@example.edu", "cy@example.edu", "cy@example.edu"], NoticeSmtp.Recipients(answers));
        Assert.Equal(2, answers.Count(m => (m.TextBody ?? "").Contains("Checking the tolerance.", StringComparison.Ordinal)));
        Assert.Equal(2, answers.Count(m => (m.TextBody ?? "").Contains("Your score on hw3 is now 90%.", StringComparison.Ordinal)));
        var releases = messages.Where(m => m.Subject == "[Test course] Grades released: Shell homework").ToList();
        Assert.Equal(Roster.Select(l => $"{l}@example.edu"), NoticeSmtp.Recipients(releases));
        Assert.Equal(["100%", "100%", "0%", "0%"], Roster.Select(l => Score(releases, l)));
        Assert.Equal(reminders.Count + answers.Count + releases.Count, messages.Count);
    }

    private static string Score(IEnumerable<MimeMessage> messages, string login)
    {
        var body = Assert.Single(messages, m => m.To.Mailboxes.Any(a => a.Address == $"{login}@example.edu")).TextBody ?? "";
        var start = body.IndexOf("Your score: ", StringComparison.Ordinal) + "Your score: ".Length;
        return body[start..body.IndexOf('.', start)];
    }

    /// <summary>A push of <paramref name="login"/>'s repository of <paramref name="assignment"/> (writing the reference sum 42), fetched now.</summary>
    private static async Task PushAsync(TestCourse course, string repos, string assignment, string login)
    {
        GitRepos.CreateBare(repos, $"{assignment}-{login}", new Dictionary<string, string> { ["run.sh"] = SnapshotSubmissions.Writing("42") });
        await GradeBookCourse.RunAsync(course, "fetch", assignment, "--repos", repos);
    }

    private static async Task PushedAndGradedAsync(TestCourse course, string assignment, string repos)
    {
        await GradeBookCourse.RunAsync(course, "fetch", assignment, "--repos", repos);
        await GradeBookCourse.RunAsync(course, "grade", assignment, "--wait", "--json");
    }

    private static void Close(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e)
        {
            Assert.Equal(e, actual!.Value, 9);
        }
    }

    private static async Task<TestCourse> CourseAsync(FakeTimeProvider clock)
    {
        var course = await GradeBookCourse.CreateAsync(clock, deadline: "2026-10-20T23:59");
        course.UseFastQueue();
        await CourseJsonEdit.ApplyAsync(course, json =>
        {
            var all = json["assignments"]!.AsArray();
            JsonNode Assignment(string id) => all.Single(a => (string?)a!["id"] == id)!;
            Assignment("hw1")["weight"] = 20;
            Assignment("hw3")["weight"] = 20;
            Assignment("hw3")["deadline"] = "2026-11-06T23:59";
            Assignment("hw4")["weight"] = 30;
            Assignment("hw4")["deadline"] = "2026-10-31T23:59";
            all.Add(JsonNode.Parse(Project));
            json["finalGrade"] = JsonNode.Parse(FinalGrade);
            json["notices"] = new JsonObject { ["deadlineReminder"] = "48h" };
        });
        await course.AddTeamAsync("hw3", "pair", "ben", "dee");
        await course.AddTeamAsync("proj", "trio", "ana", "ben", "cy");
        await course.AddTeamAsync("proj", "uno", "dee");
        return course;
    }

    private static async Task<string> AskAsync(TestCourse course, string login, string assignment, string item, string message)
    {
        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();
        var request = await scope.ServiceProvider.GetRequiredService<RegradeDesk>().AskAsync(login, assignment, item, message, CancellationToken.None);
        return request.Id.ToString("N");
    }

    private static async Task<IReadOnlyList<GradeChange>> HistoryAsync(TestCourse course)
    {
        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IGradeAudit>().HistoryAsync(null, null, CancellationToken.None);
    }
}
