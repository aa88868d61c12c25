using System.Globalization;

namespace Course.Grader.Queue;

/// <summary>A queued job's place and expected result time in words, the same in commit statuses, pages, the API and <c>grader jobs</c>.</summary>
internal static class QueueText
{
    /// <summary>GitHub's limit on a commit status description.</summary>
    private const int StatusLength = 140;

    /// <summary>
    /// "smoke run queued: #3 in line, result expected about 2026-11-26 14:05 UTC (from recent run times)"; "queued" when the
    /// place is not known.
    /// </summary>
    public static string Describe(QueuePlace? place, JobTier tier)
    {
        var run = tier == JobTier.Smoke ? "smoke run queued" : "queued for grading";
        return place is null
            ? run
            : string.Create(CultureInfo.InvariantCulture,
                $"{run}: #{place.Position} in line, result expected about {place.ExpectedResult.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({Basis(place.Source)})");
    }

    /// <summary>What an expected time rests on, in words.</summary>
    public static string Basis(EstimateSource source) => source == EstimateSource.Slurm ? "start from Slurm's estimate" : "from recent run times";

    /// <summary>A text cut to what a commit status description holds.</summary>
    public static string Status(string text) => text.Length <= StatusLength ? text : string.Concat(text.AsSpan(0, StatusLength - 1), "…");
}
