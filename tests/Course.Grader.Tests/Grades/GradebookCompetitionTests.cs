using Course.Grader.Grades;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Grades;

/// <summary>
/// The competition column of the grade book comes from the final private board. Entries (CSV uploads): team
/// "duo" (ana, ben) scores 1.0 public / 0.5 private, cy 0.5 public / 1.0 private, dee enters nothing.
/// </summary>
public sealed class GradebookCompetitionTests
{
    private const string Competition = TestCourse.Competition;

    private static readonly DateTimeOffset BeforeDeadline = new(2026, 10, 5, 12, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset AfterDeadline = new(2026, 10, 13, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Compute_Finalized_EveryMemberGetsTheTeamsPrivateScore()
    {
        using var course = await CourseWithEntriesAsync();
        await FinalizeAsync(course);

        var grades = await ComputeAsync(course);

        Assert.Equal([0.5, 0.5, 1.0, null], Column(grades));
        Assert.All(grades, row => Assert.Null(row.Assignments[Competition].Missing));
        Assert.Equal(25, grades.Single(r => r.Login == "ana").Total);
    }

    [Fact]
    public async Task Show_NotFinalized_ColumnEmptyWithTheReason()
    {
        using var course = await CourseWithEntriesAsync();

        var grades = await ComputeAsync(course);
        var shown = await course.RunAsync("grades", "show");

        Assert.Equal([null, null, null, null], Column(grades));
        Assert.Equal(0, shown.Exit);
        Assert.Contains($"{Competition}: competition not finalized", shown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compute_OverrideOfAFinalizedScore_OverrideWins()
    {
        using var course = await CourseWithEntriesAsync();
        await FinalizeAsync(course);

        var recorded = await course.RunAsync("grades", "override", Competition, "--student", "ana", "--score", "0.9",
            "--reason", "regrade: solution label 3 was wrong", "--by", "prof");
        var grades = await ComputeAsync(course);

        Assert.Equal(0, recorded.Exit);
        Assert.Equal([0.9, 0.5, 1.0, null], Column(grades));
        Assert.True(grades.Single(r => r.Login == "ana").Assignments[Competition].Overridden);
    }

    [Fact]
    public async Task Compute_TargetAndCalibratedBaseline_BaselineScoresNothingAndTargetFullMarks()
    {
        using var course = await CourseWithEntriesAsync(target: 0.75);
        // The calibrated baseline gets one of four rows right: accuracy 0.25.
        var baseline = Path.Combine(course.Directory, ".calibration", Competition, "baseline", "out");
        Directory.CreateDirectory(baseline);
        await File.WriteAllTextAsync(Path.Combine(baseline, "predictions.csv"), "id,label\n1,b\n2,a\n3,b\n4,b\n");
        await FinalizeAsync(course);

        var grades = await ComputeAsync(course);

        // duo: (0.5 - 0.25) / (0.75 - 0.25); cy's 1.0 is above the target: full marks, no more.
        Assert.Equal([0.5, 0.5, 1.0, null], Column(grades));
    }

    private static async Task<TestCourse> CourseWithEntriesAsync(double? target = null)
    {
        var course = await TestCourse.CreateAsync(new FakeTimeProvider(BeforeDeadline), competition: true, target: target,
            students: ["ana", "ben", "cy", "dee"]);
        var teams = Path.Combine(course.Directory, "teams.csv");
        await File.WriteAllTextAsync(teams, $"assignment,team,login\n{Competition},duo,ana\n{Competition},duo,ben\n");
        await RunAsync(course, "teams", "import", teams);
        await UploadAsync(course, "duo", "id,label\n1,a\n2,b\n3,a\n4,a\n");
        await UploadAsync(course, "cy", "id,label\n1,a\n2,a\n3,a\n4,b\n");
        return course;
    }

    private static async Task UploadAsync(TestCourse course, string team, string predictions)
    {
        var file = Path.Combine(course.Directory, $"{team}.csv");
        await File.WriteAllTextAsync(file, predictions);
        await RunAsync(course, "leaderboard", "submit", Competition, "--team", team, "--file", file);
    }

    private static async Task FinalizeAsync(TestCourse course)
    {
        course.Clock!.SetUtcNow(AfterDeadline);
        await RunAsync(course, "leaderboard", "finalize", Competition);
    }

    private static async Task RunAsync(TestCourse course, params string[] args)
    {
        var (exit, _, error) = await course.RunAsync(args);
        Assert.True(exit == 0, $"{string.Join(' ', args)}: {error}");
    }

    private static async Task<IReadOnlyList<GradebookRow>> ComputeAsync(TestCourse course)
    {
        await using var services = course.Services();
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Gradebook>().ComputeAsync(CancellationToken.None);
    }

    // ana, ben, cy, dee: the roster's order.
    private static double?[] Column(IReadOnlyList<GradebookRow> grades) =>
        grades.Select(row => row.Assignments[Competition].Fraction).ToArray();
}
