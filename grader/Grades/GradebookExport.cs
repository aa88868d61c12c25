using System.Globalization;
using System.Text;
using Course.Assignments.Model;

namespace Course.Grader.Grades;

/// <summary>
/// The grade book as CSV: plain (login, assignments in percent, total) or Canvas's gradebook import layout. One row per
/// enrolled student, with or without work; numbers are written exactly (shortest round-trip form, invariant culture)
/// so the LMS does any rounding, once. An empty cell is no grade.
/// </summary>
internal static class GradebookExport
{
    public static string Render(IReadOnlyList<GradebookRow> rows, IReadOnlyList<AssignmentSpec> assignments, string format)
    {
        var text = new StringBuilder();
        var canvas = format == "canvas";
        var head = canvas
            ? new[] { "Student", "ID", "SIS User ID", "SIS Login ID", "Section" }
            : ["login", "name", "section"];
        var columns = assignments.Select(a => canvas ? $"{a.Title} ({a.Id})" : a.Id).Append(canvas ? "Final Score" : "total");
        Line(text, head.Concat(columns));
        if (canvas)
        {
            Line(text, new[] { "    Points Possible", "", "", "", "" }.Concat(assignments.Select(a => Number(a.Weight))).Append("100"));
        }

        foreach (var row in rows)
        {
            var who = canvas ? new[] { row.Name, "", row.Login, row.Login, row.Section ?? "" } : [row.Login, row.Name, row.Section ?? ""];
            var cells = assignments.Select(a => row.Assignments[a.Id].Fraction is { } f
                ? Number(canvas ? f * a.Weight : f * 100)
                : "");
            Line(text, who.Concat(cells).Append(Number(row.Total)));
        }

        return text.ToString();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, IEnumerable<string> cells) =>
        text.AppendJoin(',', cells.Select(Quote)).Append('\n');

    // Cells that a spreadsheet would run as a formula are prefixed, names with commas or quotes are quoted.
    private static string Quote(string cell)
    {
        if (cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal) && !double.TryParse(cell, CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
    }
}
