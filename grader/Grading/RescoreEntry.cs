namespace Course.Grader.Grading;

/// <summary>
/// One line of a rescore draft: a published result and what it becomes under the assignment's current inputs,
/// with why. Drafts never touch <c>grader_results</c> until staff publish them; published and discarded lines
/// stay as the record of what changed, by whom.
/// </summary>
public sealed class RescoreEntry
{
    public required Guid Id { get; init; }

    public required Guid JobId { get; init; }

    public required string Assignment { get; init; }

    public required string Owner { get; init; }

    public required string Commit { get; init; }

    public required RescoreKind Kind { get; init; }

    public required Verdict OldVerdict { get; init; }

    public required double OldScore { get; init; }

    public required double OldMaxScore { get; init; }

    public required int OldLateDays { get; init; }

    /// <summary>When the published result this line replaces was recorded: publishing refuses a line whose result changed since.</summary>
    public required DateTimeOffset OldRecordedAt { get; init; }

    public Verdict? NewVerdict { get; init; }

    public double? NewScore { get; init; }

    public double? NewMaxScore { get; init; }

    public int? NewLateDays { get; init; }

    /// <summary>The inputs that changed since the result was graded, one a line.</summary>
    public required string Why { get; init; }

    /// <summary>The new result as JSON; null for <see cref="RescoreKind.NeedsRun"/>.</summary>
    public string? Result { get; init; }

    public RescoreState State { get; set; } = RescoreState.Draft;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }
}
