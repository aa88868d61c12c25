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
}
