using System.Globalization;
using System.Text;
using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Assignments.Roster;
using Course.Grader.Submissions;
using Course.Grader.Web.Api;

namespace Course.Grader.Web.Pages;

/// <summary><c>/</c>: the course's assignments with their boards, and the submissions the user may see with their results.</summary>
internal static class HomePage
{
    private const int StaffListLength = 100;

    public static async Task<IResult> ShowAsync(HttpContext context, ICourseProvider course, GraderDbContext grader, IRoster roster)
    {
        var spec = course.Course;
        var body = new StringBuilder();
        body.Append("<h2>Assignments</h2><table><tr><th>Assignment</th><th>Kind</th><th>Deadline</th><th></th></tr>");
        foreach (var assignment in spec.Assignments)
        {
            var board = assignment.Kind == AssignmentKind.Competition
                ? $"""<a href="/leaderboard/{Uri.EscapeDataString(assignment.Id)}">leaderboard</a>"""
                : "";
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Html.Text(assignment.Id)}: {Html.Text(assignment.Title)}</td><td>{Html.Text(assignment.Kind.ToString().ToLowerInvariant())}</td>" +
                $"<td>{Html.Text(assignment.Deadline)} ({Html.Text(spec.TimeZone)})</td><td>{board}</td></tr>");
        }

        body.Append("</table>");
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var visible = await roster.VisibleWorkAsync(context.User.Identity!.Name!, context.RequestAborted);
            var submissions = await SubmissionsApi.QueryAsync(grader, visible, null, null, context.RequestAborted);
            body.Append(visible.IsEverything
                ? """<p><a href="/credits">Look up a student's compute credits</a></p>"""
                : """<p><a href="/credits">Your compute credits</a>: your codes, where each one is, and extra codes you can ask for.</p>""");
            body.Append(visible.IsEverything ? "" : """<p><a href="/grades">Your grades</a>: late days left, how your final grade is computed, every change.</p>""");
            body.Append(visible.IsEverything ? "<h2>Latest submissions</h2>" : "<h2>Your submissions</h2>");
            body.Append(SubmissionTable(visible.IsEverything ? submissions.Take(StaffListLength) : submissions));
        }
        else
        {
            body.Append("""<p class="notice"><a href="/login">Sign in</a> to see your submissions and their feedback.</p>""");
        }

        return Html.Page(context, $"{spec.Name} ({spec.Term})", body.ToString());
    }

    private static string SubmissionTable(IEnumerable<SubmissionResponse> submissions)
    {
        var rows = new StringBuilder();
        foreach (var s in submissions)
        {
            var score = s.Score is { } points ? $"{points.ToString("0.##", CultureInfo.InvariantCulture)} / {s.MaxScore?.ToString("0.##", CultureInfo.InvariantCulture)}" : "";
            var late = s.LateDays is > 0 ? $" ({s.LateDays} day(s) late)" : "";
            rows.Append(CultureInfo.InvariantCulture,
                $"""<tr><td>{s.ReceivedAt:yyyy-MM-dd HH:mm} UTC</td><td>{Html.Text(s.Assignment)}</td><td>{Html.Text(s.Owner)}</td>""" +
                $"""<td><a href="/submissions/{s.Id}">{Html.Text(ShortCommit.Of(s.Commit))}</a></td>""" +
                $"""<td>{Html.Text(s.Verdict ?? "waiting")}</td><td class="number">{score}{Html.Text(late)}</td></tr>""");
        }

        return rows.Length == 0
            ? """<p class="muted">No submissions yet.</p>"""
            : $"""<table><tr><th>Received</th><th>Assignment</th><th>Owner</th><th>Commit</th><th>Verdict</th><th class="number">Score</th></tr>{rows}</table>""";
    }
}
