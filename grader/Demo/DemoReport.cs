using System.Globalization;
using System.Net;
using System.Text;
using Course.Assignments.Courses;
using Course.Assignments.Feedback;
using Course.Grader.Grades;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Storage;
using Course.Grader.Submissions;
using Course.Leaderboard.Standings;

namespace Course.Grader.Demo;

/// <summary>
/// demo-output/report.html: what a course team would rather see than read — the grade book, every
/// graded run with its feedback and loss curve (copied out of the store into runs/ beside the report, so the
/// report opens from disk), and the final competition board.
/// </summary>
internal static class DemoReport
{
    public static async Task<string> WriteAsync(IServiceProvider services, string output, CancellationToken cancellation)
    {
        var course = services.GetRequiredService<ICourseProvider>().Course;
        var grades = await services.GetRequiredService<Gradebook>().ComputeAsync(cancellation);
        var jobs = await services.GetRequiredService<JobsView>().ListAsync(null, cancellation);
        var store = services.GetRequiredService<IBlobStore>();
        var board = await services.GetRequiredService<IFinalStandings>().StandingsAsync("hw2", cancellation);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{E(course.Name)}}: demo report</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem}table{border-collapse:collapse;margin:1rem 0}
            td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}th{background:#f3f3f3}td.n{text-align:right}
            img{max-width:22rem;border:1px solid #ddd}</style></head><body>
            <h1>{{E(course.Name)}} ({{E(course.Term)}})</h1>
            """);
        html.Append("<h2>Grade book</h2><table><tr><th>Student</th>");
        foreach (var assignment in course.Assignments)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(assignment.Id)} ({assignment.Weight:0.#} %)</th>");
        }

        html.Append("<th>Total</th></tr>");
        foreach (var row in grades)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.Login)}</td>");
            foreach (var assignment in course.Assignments)
            {
                var grade = row.Assignments[assignment.Id];
                var title = grade.Reason is { } reason ? $" title=\"override: {E(reason)}\"" : "";
                html.Append(CultureInfo.InvariantCulture,
                    $"<td class=n{title}>{(grade.Fraction is { } f ? (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + (grade.Overridden ? "*" : "") : "-")}</td>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<td class=n><b>{row.Total:0.0}</b></td></tr>");
        }

        html.Append("</table><h2>hw2: final private board</h2><table><tr><th>Rank</th><th>Team</th><th>Members</th><th>Private score</th></tr>");
        foreach (var standing in board)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td class=n>{standing.Rank}</td><td>{E(standing.Team)}</td><td>{E(string.Join(", ", standing.Members))}</td><td class=n>{standing.Score:0.0000}</td></tr>");
        }

        html.Append("</table><h2>Graded runs</h2><table><tr><th>Assignment</th><th>Student</th><th>Verdict</th><th>Score</th><th>Late days</th><th>Feedback</th><th>Training</th></tr>");
        foreach (var job in jobs.OrderBy(j => j.Assignment, StringComparer.Ordinal).ThenBy(j => j.Owner, StringComparer.Ordinal))
        {
            var run = Path.Combine(output, "runs", GradingPaths.Safe($"{job.Assignment}-{job.Owner}-{ShortCommit.Of(job.Commit)}"));
            var feedback = job.Feedback is { } text ? Link(output, await ExportAsync(store, text, run, "feedback.md", cancellation), "feedback") : "";
            var curve = job.TrainingCurve is { } png
                ? $"<img src=\"{E(Relative(output, await ExportAsync(store, png, run, TrainingFeedback.CurveFile, cancellation)))}\" alt=\"loss curve\">" : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(job.Assignment)}</td><td>{E(job.Owner)}</td><td>{E(job.Verdict?.ToString() ?? job.State.ToString())}</td>"
                + $"<td class=n>{job.Score:0.##} / {job.MaxScore:0.##}</td><td class=n>{job.LateDays}</td><td>{feedback}</td><td>{curve}</td></tr>");
        }

        html.Append("</table></body></html>\n");
        var report = Path.Combine(output, "report.html");
        await File.WriteAllTextAsync(report, html.ToString(), cancellation);
        return report;
    }

    private static async Task<string> ExportAsync(IBlobStore store, string key, string folder, string name, CancellationToken cancellation)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await using var content = await store.OpenAsync(key, cancellation) ?? throw new InvalidOperationException($"{name} {key} is missing from the store");
        await using var file = File.Create(path);
        await content.CopyToAsync(file, cancellation);
        return path;
    }

    private static string Link(string output, string path, string text) =>
        $"<a href=\"{E(Relative(output, path))}\">{E(text)}</a>";

    private static string Relative(string output, string path) => Path.GetRelativePath(output, path).Replace('\\', '/');

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
