using System.Text.Json;

namespace Course.Grader.Calibration;

/// <summary>
/// Compares a check's output with the reference's: the same nesting of arrays and numbers, each number
/// within an absolute tolerance. Used by calibration to score the baseline of tests and debug assignments.
/// </summary>
internal static class CheckOutputComparer
{
    private const long MaxBytes = 4L << 20;

    public static bool Matches(string expectedPath, string actualPath, double tolerance)
    {
        if (!File.Exists(actualPath) || !File.Exists(expectedPath) || new FileInfo(actualPath).Length > MaxBytes)
        {
            return false;
        }

        try
        {
            var options = new JsonDocumentOptions { MaxDepth = 16 };
            using var expected = JsonDocument.Parse(File.ReadAllBytes(expectedPath), options);
            using var actual = JsonDocument.Parse(File.ReadAllBytes(actualPath), options);
            return Same(expected.RootElement, actual.RootElement, tolerance);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Same(JsonElement expected, JsonElement actual, double tolerance) => (expected.ValueKind, actual.ValueKind) switch
    {
        (JsonValueKind.Number, JsonValueKind.Number) => Math.Abs(expected.GetDouble() - actual.GetDouble()) <= tolerance,
        (JsonValueKind.Array, JsonValueKind.Array) => expected.GetArrayLength() == actual.GetArrayLength()
            && expected.EnumerateArray().Zip(actual.EnumerateArray()).All(pair => Same(pair.First, pair.Second, tolerance)),
        _ => false,
    };
}
