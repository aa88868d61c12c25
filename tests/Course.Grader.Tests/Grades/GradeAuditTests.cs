using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Grades;

/// <summary>The audit log records grades a change moves, directly or through the late-day pool, with old and new values.</summary>
public sealed class GradeAuditTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 20, 12, 0, 0, TimeSpan.Zero);

    // One day after the 2026-10-12 23:59 (New York) deadlines.
    private static readonly DateTimeOffset OneDayLate = new(2026, 10, 13, 12, 0, 0, TimeSpan.FromHours(-4));

    [Fact]
    public async Task Extend_FreesALateDay_TheOtherAssignmentsChangeIsLoggedToo()
    {
        using var course = await GradeBookCourse.CreateAsync(new FakeTimeProvider(Now), """{ "pool": 1 }""");
        await course.GradedSubmissionAsync("ana", "ok", "hw1", receivedAt: OneDayLate); // takes the one late day (earlier in order)
        await course.GradedSubmissionAsync("ana", "ok", "hw4", receivedAt: OneDayLate); // none left: 25% off

        await GradeBookCourse.RunAsync(course, "grades", "extend", "hw1", "--student", "ana", "--until", "2026-10-13T23:59",
            "--reason", "server outage", "--by", "prof");
        var history = await GradeBookCourse.RunAsync(course, "grades", "history", "ana");

        const string Why = "extension: extension of ana to 2026-10-13 23:59 -04:00: server outage";
        Assert.Equal($"2026-10-20 12:00 prof hw1/ana 1 -> 1 {Why}\n2026-10-20 12:00 prof hw4/ana 0.75 -> 1 {Why}\n", history.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Set_RubricPoints_EachRegradeLoggedWithOldAndNew()
    {
        using var course = await GradeBookCourse.CreateAsync(new FakeTimeProvider(Now));
        await AddWrittenAssignmentAsync(course);

        await GradeBookCourse.RunAsync(course, "grades", "set", "essay", "--student", "ana", "--item", "proof", "--points", "3", "--by", "prof");
        await GradeBookCourse.RunAsync(course, "grades", "set", "essay", "--student", "ana", "--item", "proof", "--points", "4", "--by", "prof",
            "--comment", "regrade request");
        var history = await GradeBookCourse.RunAsync(course, "grades", "history", "ana", "essay");
        var other = await GradeBookCourse.RunAsync(course, "grades", "history", "ben");

        Assert.Equal("2026-10-20 12:00 prof essay/ana none -> 0.75 rubric: proof: 3 of 4 points\n" +
                     "2026-10-20 12:00 prof essay/ana 0.75 -> 1 rubric: proof: 4 of 4 points (regrade request)\n", history.ReplaceLineEndings("\n"));
        Assert.Empty(other);
    }

    // hw4 gives 10 of its 50 percent to a written essay with one rubric item of 4 points.
    private static async Task AddWrittenAssignmentAsync(Support.TestCourse course)
    {
        var text = await File.ReadAllTextAsync(course.CourseFile);
        var hw4 = text.IndexOf("\"id\": \"hw4\"", StringComparison.Ordinal);
        var weight = text.IndexOf("\"weight\": 50", hw4, StringComparison.Ordinal);
        text = text[..weight] + "\"weight\": 40" + text[(weight + "\"weight\": 50".Length)..];
        var end = text.LastIndexOf(']');
        text = text[..end] + """
            , { "id": "essay", "title": "Essay", "kind": "written", "release": "2026-10-01T09:00", "deadline": "2026-10-12T23:59", "weight": 10,
                "rubric": [{ "id": "proof", "description": "The proof", "points": 4 }] }
            """ + text[end..];
        await File.WriteAllTextAsync(course.CourseFile, text);
    }
}
