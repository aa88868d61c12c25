using System.Text.Json;
using Course.Assignments.Model;
using Course.Core.Errors;

namespace Course.Assignments.Validation;

/// <summary>Reads course.json and validates it, reporting every problem at once.</summary>
public static class CourseLoader
{
    /// <summary>Loads and validates; throws <see cref="BadInputException"/> listing every problem.</summary>
    public static CourseSpec Load(string path)
    {
        var (course, problems) = TryLoad(path);
        return problems.Count == 0 ? course! : throw new BadInputException(problems);
    }

    /// <summary>Loads and validates; the problems are "json.path: why" lines.</summary>
    public static (CourseSpec? Course, IReadOnlyList<string> Problems) TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            return (null, [$"{path}: course file not found"]);
        }

        CourseSpec? course;
        try
        {
            using var stream = File.OpenRead(path);
            course = JsonSerializer.Deserialize<CourseSpec>(stream, CourseJson.Options);
        }
        catch (JsonException error)
        {
            return (null, [Describe(error)]);
        }

        if (course is null)
        {
            return (null, ["$: the course must be a JSON object, not null"]);
        }

        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return (course, new CourseValidator(course, baseDirectory).Validate());
    }

    private static string Describe(JsonException error)
    {
        var where = error.Path is { Length: > 1 } jsonPath ? jsonPath[2..] : "$";
        var line = error.LineNumber is { } l ? $" (line {l + 1}, column {(error.BytePositionInLine ?? 0) + 1})" : "";
        var message = error.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        return $"{where}{line}: {message}";
    }
}
