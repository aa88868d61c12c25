using System.Text.RegularExpressions;

namespace Course.Assignments.Feedback.Metrics;

/// <summary>
/// The optional "device" field of a metrics line: the one string a log may hold, naming where the run
/// trained ("cpu", "cuda", "cuda:N" or "mps", as torch names devices). Only these are accepted, so the name
/// can be shown in feedback as it is.
/// </summary>
public static partial class TrainingDevice
{
    public const string Field = "device";

    /// <summary>Longest value read; "cuda:99" is the longest accepted one.</summary>
    public const int MaxLength = 16;

    public const string Accepted = "\"cpu\", \"cuda\", \"cuda:N\" or \"mps\"";

    public static bool IsValid(string name) => Pattern().IsMatch(name);

    /// <summary>How feedback and calibration say it: "trained on cuda", or "device not logged" when the log does not say.</summary>
    public static string Describe(string? device) => device is null ? "device not logged" : $"trained on {device}";

    [GeneratedRegex(@"^(cpu|cuda|cuda:[0-9]{1,2}|mps)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
