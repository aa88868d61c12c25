using Course.Grader.Grades;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Grades;

/// <summary>
/// A test course in New York time with hw1 (weight 25) and hw4 (weight 50), individual, and hw3 (weight 25) for teams;
/// each with 25% per day late and a cut-off after 2 days. Students ana, ben, cy, dee; team "duo" (ana, cy) on hw3.
/// The late days and final grade given to <see cref="CreateAsync"/> are course.json's fields as written.
/// </summary>
internal static class GradeBookCourse
{
    public static async Task<TestCourse> CreateAsync(FakeTimeProvider clock, string lateDays = """{ "pool": 2 }""", string? finalGrade = null,
        string deadline = "2026-10-12T23:59", string timeZone = "America/New_York")
    {
        var course = await TestCourse.CreateAsync(clock, deadline: deadline, teamWork: true, cpuTwin: true, students: ["ana", "ben", "cy", "dee"]);
        await course.AddTeamAsync(TestCourse.TeamWork, "duo", "ana", "cy");
        await EditAsync(course, lateDays, finalGrade, timeZone);
        return course;
    }

    /// <summary>Rewrites course.json's time zone, late days and final grade.</summary>
    public static async Task EditAsync(TestCourse course, string lateDays, string? finalGrade = null, string timeZone = "America/New_York")
    {
        var text = await File.ReadAllTextAsync(course.CourseFile);
        var fields = $"\"timeZone\": \"{timeZone}\", \"lateDays\": {lateDays},{(finalGrade is null ? "" : $" \"finalGrade\": {finalGrade},")}";
        var start = text.IndexOf("\"timeZone\"", StringComparison.Ordinal);
        var end = text.IndexOf("\"staff\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(course.CourseFile, text[..start] + fields + "\n  " + text[end..]);
    }

    public static async Task<IReadOnlyList<GradebookRow>> ComputeAsync(TestCourse course)
    {
        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Gradebook>().ComputeAsync(CancellationToken.None);
    }

    /// <summary>One assignment's fractions in roster order (ana, ben, cy, dee).</summary>
    public static double?[] Column(IReadOnlyList<GradebookRow> rows, string assignment) =>
        rows.Select(row => row.Assignments[assignment].Fraction).ToArray();

    /// <summary>Runs a command that must succeed; returns its output.</summary>
    public static async Task<string> RunAsync(TestCourse course, params string[] args)
    {
        var (exit, output, error) = await course.RunAsync(args);
        Assert.True(exit == 0, $"{string.Join(' ', args)}: {error}");
        return output;
    }
}
