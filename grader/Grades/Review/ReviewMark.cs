namespace Course.Grader.Grades.Review;

/// <summary>
/// One review of an entry of the TA review queue: who looked at what, when, and what they did. Append-only; an entry
/// leaves the queue once a mark on its subject is as new as the entry (a later result or a student's new message
/// brings it back).
/// </summary>
public sealed class ReviewMark
{
    public required Guid Id { get; init; }

    public required string Assignment { get; init; }

    /// <summary>The student or team the entry is about.</summary>
    public required string Owner { get; init; }

    /// <summary>What was reviewed, as <see cref="ReviewSubjects"/> names it (a result's job, a regrade request, or the owner).</summary>
    public required string Subject { get; init; }

    /// <summary>Why the entry was in the queue when it was reviewed (empty when it was not in the queue).</summary>
    public required string Reasons { get; init; }

    /// <summary>What the reviewer did: "override 0.9: ...", "rubric proof: 4", "re-run queued", "marked reviewed".</summary>
    public required string Action { get; init; }

    public required string By { get; init; }

    public required DateTimeOffset At { get; init; }
}
