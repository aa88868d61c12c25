using System.Globalization;
using System.Text.Json;
using Course.Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Course.Grader.Tests.Grades;

/// <summary>
/// Final grades and exports. Categories: homework (60%, lowest of hw1 and hw4 dropped) and team (40%, hw3); letters
/// A from 90, B from 80, C from 0. ana's scores are overrides (hw1 0.5, hw4 0.75, hw3 0.875); dee has no work.
/// </summary>
public sealed class FinalGradeTests
{
    private const string FinalGrade = """
        { "categories": [
            { "name": "homework", "weight": 60, "dropLowest": 1, "assignments": ["hw1", "hw4"] },
            { "name": "team", "weight": 40, "assignments": ["hw3"] } ],
          "letters": [{ "letter": "A", "min": 90 }, { "letter": "B", "min": 80 }, { "letter": "C", "min": 0 }] }
        """;

    private static readonly DateTimeOffset Now = new(2026, 10, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Final_DropLowestAndWeights_StatementShowsEveryNumberAndTheLetter()
    {
        using var course = await GradeBookCourse.CreateAsync(new FakeTimeProvider(Now), finalGrade: FinalGrade);
        await OverrideAsync(course, "hw1", "ana", "0.5");
        await OverrideAsync(course, "hw4", "ana", "0.75");
        await OverrideAsync(course, "hw3", "ana", "0.875");

        var text = await GradeBookCourse.RunAsync(course, "grades", "final", "ana");
        var json = JsonDocument.Parse(await GradeBookCourse.RunAsync(course, "grades", "final", "--json")).RootElement;

        Assert.Equal("""
            ana (ana): B
              homework (weight 60%, lowest 1 dropped):
                hw1: 50% (override: exam regrade) dropped
                hw4: 75% (override: exam regrade)
                mean of 1 kept = (75) / 1 = 75% -> 60 x 0.75 = 45 points
              team (weight 40%):
                hw3: 87.5% (override: exam regrade)
                mean of 1 kept = (87.5) / 1 = 87.5% -> 40 x 0.875 = 35 points
              final: 45 + 35 = 80%
              letter: B (80 >= 80)

            """.ReplaceLineEndings("\n"), text);
        Assert.Equal(4, json.GetArrayLength());
        Assert.Equal((80.0, "B", 3), (json[0].GetProperty("percent").GetDouble(), json[0].GetProperty("letter").GetString(),
            json[0].GetProperty("history").GetArrayLength()));
        Assert.Equal((0.0, "C"), (json[3].GetProperty("percent").GetDouble(), json[3].GetProperty("letter").GetString()));
        // dee has no grade on either homework: both count as 0, and on the tie the later-listed hw4 is dropped.
        Assert.Contains("  hw4: no grade, counts as 0% dropped", json[3].GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
    }

    [Theory]
    // Weights hw1 1, hw4 3, nothing dropped: (1 x 0.5 + 3 x 0.75) / 4 = 2.75 / 4 = 0.6875 -> 60 x 0.6875 = 41.25; + 35 = 76.25, C
    // (averaged equally it would be 0.625 -> 37.5 + 35 = 72.5).
    [InlineData(0, 1, 3, "weighted mean of 2 kept = (1 x 50 + 3 x 75) / 4 = 68.75% -> 60 x 0.6875 = 41.25 points", 76.25, "C")]
    // Weights hw1 3, hw4 1, lowest dropped: hw1's 0.5 goes although it weighs more: 1 x 0.75 / 1 = 0.75 -> 45; + 35 = 80, B.
    [InlineData(1, 3, 1, "weighted mean of 1 kept = (1 x 75) / 1 = 75% -> 60 x 0.75 = 45 points", 80.0, "B")]
    public async Task Final_WeightsInACategory_WeightedMeanOfTheKeptOnes(int dropLowest, double hw1, double hw4, string mean, double percent,
        string letter)
    {
        var weighted = FinalGrade.Replace("\"dropLowest\": 1, \"assignments\": [\"hw1\", \"hw4\"]", string.Create(CultureInfo.InvariantCulture,
            $"\"dropLowest\": {dropLowest}, \"assignments\": [\"hw1\", \"hw4\"], \"weights\": {{ \"hw1\": {hw1}, \"hw4\": {hw4} }}"), StringComparison.Ordinal);
        Assert.NotEqual(FinalGrade, weighted);
        using var course = await GradeBookCourse.CreateAsync(new FakeTimeProvider(Now), finalGrade: weighted);
        await OverrideAsync(course, "hw1", "ana", "0.5");
        await OverrideAsync(course, "hw4", "ana", "0.75");
        await OverrideAsync(course, "hw3", "ana", "0.875");

        var text = await GradeBookCourse.RunAsync(course, "grades", "final", "ana");
        var json = JsonDocument.Parse(await GradeBookCourse.RunAsync(course, "grades", "final", "ana", "--json")).RootElement[0];

        Assert.Contains($"    {mean}\n", text, StringComparison.Ordinal);
        Assert.Equal((percent, letter), (json.GetProperty("percent").GetDouble(), json.GetProperty("letter").GetString()));
        Assert.Equal([hw1, hw4], json.GetProperty("categories")[0].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("weight").GetDouble()));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("canvas")]
    public async Task Export_ThirdsAndEveryStudent_ReadBackExactly(string format)
    {
        using var course = await GradeBookCourse.CreateAsync(new FakeTimeProvider(Now));
        await OverrideAsync(course, "hw1", "ana", (1.0 / 3).ToString("R", CultureInfo.InvariantCulture));
        await OverrideAsync(course, "hw4", "ben", "0.1");
        var file = Path.Combine(course.Directory, $"grades.{format}.csv");

        await GradeBookCourse.RunAsync(course, "grades", "export", "--format", format, "--output", file);
        var rows = await GradeBookCourse.ComputeAsync(course);

        var lines = (await File.ReadAllLinesAsync(file)).Skip(format == "canvas" ? 2 : 1).Select(l => l.Split(',')).ToList();
        var weights = new Dictionary<string, double> { ["hw1"] = 25, ["hw3"] = 25, ["hw4"] = 50 };
        Assert.Equal(["ana", "ben", "cy", "dee"], lines.Select(cells => cells[format == "canvas" ? 2 : 0]));
        var first = format == "canvas" ? 5 : 3;
        for (var r = 0; r < rows.Count; r++)
        {
            var assignments = new[] { "hw1", "hw3", "hw4" };
            for (var a = 0; a < assignments.Length; a++)
            {
                var cell = lines[r][first + a];
                var expected = rows[r].Assignments[assignments[a]].Fraction * (format == "canvas" ? weights[assignments[a]] : 100);
                Assert.Equal(expected, cell.Length == 0 ? null : double.Parse(cell, CultureInfo.InvariantCulture));
            }

            Assert.Equal(rows[r].Total, double.Parse(lines[r][first + 3], CultureInfo.InvariantCulture));
        }

        // Hand-computed: a third is 33.33333333333333 percent, 8.333333333333332 of hw1's 25 points; ben's 0.1 of hw4's 50 is 5.
        Assert.Equal(format == "canvas" ? "8.333333333333332" : "33.33333333333333", lines[0][first]);
        Assert.Equal("8.333333333333332", lines[0][first + 3]);
        Assert.Equal("5", lines[1][first + 3]);
    }

    private static Task OverrideAsync(TestCourse course, string assignment, string login, string score) =>
        GradeBookCourse.RunAsync(course, "grades", "override", assignment, "--student", login, "--score", score, "--reason", "exam regrade",
            "--by", "prof");
}
