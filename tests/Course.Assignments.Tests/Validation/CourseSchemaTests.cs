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
    public async Task Schema_BrokenField_IsReported(string field, string broken)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryFiles.Root, "course.schema.json"));
        var course = await File.ReadAllTextAsync(RepositoryFiles.DemoCourse);
        Assert.Contains(field, course, StringComparison.Ordinal);

        var errors = schema.Validate(course.Replace(field, broken, StringComparison.Ordinal));

        Assert.NotEmpty(errors);
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
