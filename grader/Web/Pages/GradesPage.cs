using System.Globalization;
using System.Text;
using Course.Assignments.Courses;
using Course.Core.Errors;
using Course.Grader.Grades;
using Course.Grader.Web.Api;

namespace Course.Grader.Web.Pages;

/// <summary>
/// <c>/grades</c>: the signed-in student's late days left and, when the course defines a final grade, the statement
/// of how it is computed and the history of their grade changes. Staff look up a student with <c>?student=</c>.
/// </summary>
internal static class GradesPage
{
    public static IEndpointRouteBuilder MapGradesPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/grades", (string? student, HttpContext context, LateDayPreview preview, FinalGrades grades, ICourseProvider course) =>
            Html.OrProblemAsync(context, () => ShowAsync(student, context, preview, grades, course.Course.FinalGrade is not null)));
        return routes;
    }

    private static async Task<IResult> ShowAsync(string? student, HttpContext context, LateDayPreview preview, FinalGrades grades, bool hasFinal)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Results.Redirect("/login");
        }

        var login = StudentScope.Login(context.User, student, "grades") ?? throw new NotFoundException("students see their own grades only");
        var body = new StringBuilder();
        var days = await preview.ShowAsync(login, null, context.RequestAborted);
        body.Append(CultureInfo.InvariantCulture, $"<h2>Late days</h2><p>{days.Left} of {days.Pool} late day(s) left ({days.Used} used).</p>");
        if (days.Uses.Count > 0)
        {
            body.Append("<ul>");
            foreach (var use in days.Uses)
            {
                body.Append(CultureInfo.InvariantCulture, $"<li>{Html.Text(use.Assignment)}: {use.DaysLate} day(s) late, {use.DaysUsed} late day(s) used</li>");
            }

            body.Append("</ul>");
        }

        if (hasFinal)
        {
            var statement = (await grades.ComputeAsync(login, context.RequestAborted)).Single();
            body.Append(CultureInfo.InvariantCulture, $"<h2>Final grade: {Html.Text(statement.Letter ?? "-")}</h2>");
            body.Append("<pre>").AppendJoin('\n', statement.Lines.Select(Html.Text)).Append("</pre>");
            body.Append("<h2>Grade changes</h2>");
            body.Append(statement.History.Count == 0 ? """<p class="muted">None.</p>"""
                : "<pre>" + string.Join('\n', statement.History.Select(c => Html.Text(FinalGradeCommands.Line(c)))) + "</pre>");
        }

        return Html.Page(context, $"Grades of {login}", body.ToString());
    }
}
