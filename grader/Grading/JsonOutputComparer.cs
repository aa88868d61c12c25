using System.Globalization;
using System.Text.Json;

namespace Course.Grader.Grading;

/// <summary>
/// Compares a student's JSON output with the reference's, on the host: numbers within an absolute
/// tolerance, everything else exactly, same shape. The student's file is parsed as data with hard
/// limits (size, depth, no comments or trailing commas) and never deserialized into objects. What it
/// says about a difference describes the student's output only, never the hidden expected one.
/// </summary>
internal static class JsonOutputComparer
{
    /// <summary>Largest output file read (bigger files are a failed check, not a crash).</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>Longest value of the student's quoted in a difference.</summary>
    private const int MaxQuotedValue = 40;

    private static readonly JsonDocumentOptions Strict = new()
    {
        MaxDepth = 32,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>
    /// Null when <paramref name="actualFile"/> matches; otherwise what differs, in words for the feedback.
    /// With <paramref name="member"/>, only that top-level member of both documents is compared
    /// (several checks reading one file, e.g. a debug assignment's checks.json).
    /// </summary>
    public static string? Compare(string actualFile, string expectedFile, double tolerance, string? member = null)
    {
        if (!File.Exists(actualFile))
        {
            return $"{Path.GetFileName(actualFile)} was not written to /out";
        }

        if (new FileInfo(actualFile).Length > MaxBytes)
        {
            return $"{Path.GetFileName(actualFile)} is larger than {MaxBytes / (1024 * 1024)} MiB";
        }

        JsonDocument actual;
        try
        {
            actual = JsonDocument.Parse(File.ReadAllBytes(actualFile), Strict);
        }
        catch (JsonException error)
        {
            return $"{Path.GetFileName(actualFile)} is not valid JSON (line {error.LineNumber + 1}): {error.Message}";
        }

        using (actual)
        using (var expected = JsonDocument.Parse(File.ReadAllBytes(expectedFile), Strict))
        {
            var left = actual.RootElement;
            var right = expected.RootElement;
            if (member is not null)
            {
                if (right.ValueKind != JsonValueKind.Object || !right.TryGetProperty(member, out right))
                {
                    throw new InvalidOperationException($"reference {expectedFile} has no member '{member}'");
                }

                if (left.ValueKind != JsonValueKind.Object || !left.TryGetProperty(member, out left))
                {
                    return $"{Path.GetFileName(actualFile)} has no member \"{member}\"";
                }
            }

            return Difference(left, right, tolerance, member is null ? "$" : $"$.{member}");
        }
    }

    // Only the student's side is ever described: no expected value, type, member name or length, since
    // those are the hidden answer. The path names only what the student's own output also has.
    private static string? Difference(JsonElement actual, JsonElement expected, double tolerance, string path)
    {
        if (expected.ValueKind == JsonValueKind.Number)
        {
            if (actual.ValueKind != JsonValueKind.Number || !actual.TryGetDouble(out var a) || !double.IsFinite(a))
            {
                return $"{path}: your value {Describe(actual)} is not the kind of value expected here";
            }

            return Math.Abs(a - expected.GetDouble()) <= tolerance ? null
                : $"{path}: your value {a.ToString("G9", CultureInfo.InvariantCulture)} is not within {tolerance.ToString(CultureInfo.InvariantCulture)} of the expected value";
        }

        if (actual.ValueKind != expected.ValueKind)
        {
            return $"{path}: your value {Describe(actual)} is not the kind of value expected here";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Array:
                if (actual.GetArrayLength() != expected.GetArrayLength())
                {
                    return $"{path}: your array has {actual.GetArrayLength()} items; its length differs from the expected output";
                }

                var index = 0;
                foreach (var (x, y) in actual.EnumerateArray().Zip(expected.EnumerateArray()))
                {
                    if (Difference(x, y, tolerance, $"{path}[{index++}]") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    if (!actual.TryGetProperty(property.Name, out var value))
                    {
                        return $"{path}: your object lacks a member the expected output has";
                    }

                    if (Difference(value, property.Value, tolerance, $"{path}.{property.Name}") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            default:
                return actual.GetRawText() == expected.GetRawText() ? null : $"{path}: your value {Describe(actual)} is not the expected value";
        }
    }

    /// <summary>The student's value: a short scalar as written, otherwise its kind.</summary>
    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "(an object)",
        JsonValueKind.Array => "(an array)",
        _ when element.GetRawText() is { Length: <= MaxQuotedValue } raw => raw,
        JsonValueKind.String => "(a long string)",
        _ => "(a long number)",
    };
}
