using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Assignments.Validation;

/// <summary>How course.json is read: camelCase, comments and trailing commas allowed, unknown fields refused.</summary>
public static class CourseJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        WriteIndented = true,
    };
}
