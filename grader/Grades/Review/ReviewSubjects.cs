using Course.Core.Errors;

namespace Course.Grader.Grades.Review;

/// <summary>
/// How a review names what it is about: <c>job:ID</c> (a grading result, by its job), <c>regrade:ID</c> (a regrade
/// request) or <c>owner:NAME</c> (a student or team with nothing in the queue, e.g. rubric points on a written item).
/// </summary>
public static class ReviewSubjects
{
    public static string Job(Guid job) => $"job:{job:N}";

    public static string Regrade(Guid request) => $"regrade:{request:N}";

    public static string Owner(string owner) => $"owner:{owner}";

    /// <summary>Checks the form of a subject a caller sent; the text names the field.</summary>
    public static string Parse(string? subject)
    {
        var text = subject?.Trim() ?? "";
        var (kind, rest) = text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? (text[..colon], text[(colon + 1)..]) : ("", "");
        return kind switch
        {
            "job" or "regrade" when Guid.TryParseExact(rest, "N", out _) => text,
            "owner" when rest.Length is > 0 and <= 100 => text,
            _ => throw new BadInputException($"subject: '{subject}' is not job:ID, regrade:ID or owner:NAME"),
        };
    }
}
