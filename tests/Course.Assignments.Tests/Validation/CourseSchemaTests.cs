using System.Text.Json.Nodes;
using Course.Assignments.Model;
using Course.Assignments.Tests.Support;
using NJsonSchema;

namespace Course.Assignments.Tests.Validation;

/// <summary>course.schema.json is what editors validate and complete with: it must accept the demo course.</summary>
public sealed class CourseSchemaTests
{
    [Fact]
    public async Task Schema_DemoCourse_IsValid()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryFiles.Root, "course.schema.json"));

        var errors = schema.Validate(await File.ReadAllTextAsync(RepositoryFiles.DemoCourse));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("\"kind\": \"competition\"", "\"kind\": \"quiz\"")]
    [InlineData("\"metric\": \"accuracy\"", "\"metric\": \"top5\"")]
    [InlineData("\"timeout\": \"1m\"", "\"timeout\": \"one minute\"")]
    [InlineData("\"dropLowest\": 0", "\"dropLowest\": -1")]
    [InlineData("\"min\": 90", "\"min\": 190")]
    public async Task Schema_BrokenField_IsReported(string field, string broken)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryFiles.Root, "course.schema.json"));
        var course = await File.ReadAllTextAsync(RepositoryFiles.DemoCourse);
        Assert.Contains(field, course, StringComparison.Ordinal);

        var errors = schema.Validate(course.Replace(field, broken, StringComparison.Ordinal));

        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData("{ \"pool\": 3, \"teamRule\": \"everyMember\" }", true)]
    [InlineData("{ \"pool\": 3, \"teamRule\": \"eachMember\" }", true)]
    [InlineData("{ \"pool\": -1 }", false)]
    [InlineData("{ \"pool\": 3, \"teamRule\": \"whoever\" }", false)]
    public async Task Schema_LateDays_PoolAndTeamRuleChecked(string lateDays, bool valid)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryFiles.Root, "course.schema.json"));
        var course = await File.ReadAllTextAsync(RepositoryFiles.DemoCourse);

        var errors = schema.Validate(course.Replace("\"timeZone\":", $"\"lateDays\": {lateDays}, \"timeZone\":", StringComparison.Ordinal));

        Assert.Equal(valid, errors.Count == 0);
    }

    [Theory]
    [InlineData("{ \"midterm\": 2, \"essay\": 1 }", true)]
    [InlineData("{ \"midterm\": 0, \"essay\": 1 }", false)]
    [InlineData("{ \"midterm\": \"heavy\", \"essay\": 1 }", false)]
    public async Task Schema_CategoryWeights_PositiveNumbersAccepted(string weights, bool valid)
    {
        const string exams = "\"assignments\": [\"midterm\", \"essay\"]";
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryFiles.Root, "course.schema.json"));
        var course = await File.ReadAllTextAsync(RepositoryFiles.DemoCourse);
        Assert.Contains(exams, course, StringComparison.Ordinal);

        var errors = schema.Validate(course.Replace(exams, $"{exams}, \"weights\": {weights}", StringComparison.Ordinal));

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public async Task Schema_SmokeSectionAndGpuBudget_AcceptedAndABadSmokeLimitReported()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryFiles.Root, "course.schema.json"));
        var course = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.DemoCourse))!;
        course["assignments"]![1]!["smoke"] = JsonNode.Parse("""
            { "command": ["python3", "/submission/train.py", "--smoke"], "limits": { "timeout": "2m", "gpus": 0 }, "submitTag": "submit-*" }
            """);
        course["assignments"]![1]!["gpuBudget"] = "40h";

        var accepted = schema.Validate(course.ToJsonString());
        course["assignments"]![1]!["smoke"]!["limits"]!["timeout"] = "two minutes";
        var reported = schema.Validate(course.ToJsonString());

        Assert.Empty(accepted);
        Assert.NotEmpty(reported);
    }

    [Fact]
    public async Task Schema_MetricEnum_ListsExactlyTheMetricsTheCodeKnows()
    {
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "course.schema.json")))!;
        var metric = schema["$defs"]!["assignment"]!["properties"]!["competition"]!["properties"]!["metric"]!;

        var listed = metric["enum"]!.AsArray().Select(name => name!.GetValue<string>()).ToList();

        Assert.Equal(CompetitionMetrics.Names, listed);
    }
}
