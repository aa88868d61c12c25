using System.Text.Json;
using Course.Core.Output;

namespace Course.Grader.Grading;

/// <summary>Makes rescore draft lines and reads back the result a line would publish.</summary>
internal static class RescoreLines
{
    /// <summary>A draft line for <paramref name="published"/>; <paramref name="replacement"/> is null when only a new run can score it.</summary>
    public static RescoreEntry Line(GradingResult published, RescoreKind kind, GradingResult? replacement, string why, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        JobId = published.JobId,
        Assignment = published.Assignment,
        Owner = published.Owner,
        Commit = published.Commit,
        Kind = kind,
        OldVerdict = published.Verdict,
        OldScore = published.Score,
        OldMaxScore = published.MaxScore,
        OldLateDays = published.LateDays,
        OldRecordedAt = published.RecordedAt,
        NewVerdict = replacement?.Verdict,
        NewScore = replacement?.Score,
        NewMaxScore = replacement?.MaxScore,
        NewLateDays = replacement?.LateDays,
        Why = why,
        Result = replacement is null ? null : JsonSerializer.Serialize(replacement, Json.Options),
        CreatedAt = now,
    };

    /// <summary>The result <paramref name="line"/> would publish, or null for a line that waits for a run.</summary>
    public static GradingResult? Replacement(RescoreEntry line) =>
        line.Result is { } json ? JsonSerializer.Deserialize<GradingResult>(json, Json.Options) : null;
}
